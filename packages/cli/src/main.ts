/**
 * ssj — the OpenSSJ command line: serve, import, draw, verify, audit, bench.
 * Each command lives in commands/<name>.ts and exports `run(argv): Promise<number>` (the exit code).
 * `ssj --version`, `ssj --help` and `ssj VERB --help` answer here, without loading any command.
 */
import process from 'node:process';
import cliPackage from '../package.json' with { type: 'json' };
import { EVIDENCE_USAGE } from './commands/evidence-usage';
import { USERS_USAGE } from './commands/users-usage';
import { BACKUP_USAGE, RESTORE_USAGE } from './commands/backup-usage';

type CommandModule = { run: (argv: readonly string[]) => Promise<number> };

interface Command {
  readonly about: string;
  readonly usage: string;
  readonly load: () => Promise<CommandModule>;
}

const DB_ENV = '  environment: DATABASE_URL (PostgreSQL), else SSJ_DATA_DIR (PGlite, default ./data)';

/** Every verb, with its one-line summary and its `--help` text. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  serve: {
    about: 'serve the app (PGlite in ./data, or DATABASE_URL)',
    usage:
      'usage: ssj serve\n  environment: DATABASE_URL, SSJ_DATA_DIR (./data), PORT (8080), SSJ_DEMO (auto|on|off)',
    load: () => import('./commands/serve'),
  },
  draw: {
    about: 'draw from a frame file or stdin (spec §8)',
    usage:
      'usage: ssj draw --seed SEED (--ratio R | --size K) FRAME_FILE\n' +
      '  FRAME_FILE: a frame file (spec §4), or - for standard input; named pipes and <(…) work too.\n' +
      '  Prints TICKET ID per selected id in ascending ticket order; exit 2 names a bad line.\n' +
      '  environment: SSJ_DRAW_SCANNER (auto|native|js), SSJ_DRAW_WORKERS (threads for a file)',
    load: () => import('./commands/draw'),
  },
  verify: {
    about: 'verify a draw record against frame files (spec §8)',
    usage:
      'usage: ssj verify RECORD_JSON --frame STRATUM=FRAME_FILE ...\n' +
      '  prints "verified" and exits 0, or names the first difference and exits 1; exit 2 on unusable input',
    load: () => import('./commands/verify'),
  },
  audit: {
    about: 'audit trail tools: `ssj audit verify [--sth FILE]`',
    usage:
      'usage: ssj audit verify [--sth FILE [--key KEYFILE]]\n' +
      '  walks the audit hash chain; with --sth, also compares every audit row the signed tree head\n' +
      '  checkpoints (ssj-log/1 §3.7) and names the first rewritten or deleted seq; exit 0 intact, 1 broken\n' +
      DB_ENV,
    load: () => import('./commands/audit'),
  },
  log: {
    about: 'transparency log: `ssj log verify --sth FILE [--entry FILE]`, `ssj log consistency OLD NEW`',
    usage:
      'usage: ssj log verify --sth FILE [--key KEYFILE] [--entry FILE]\n' +
      '       ssj log consistency OLD.json NEW.json [--url URL] [--key KEYFILE]\n' +
      "  checks a signed tree head, an entry's inclusion, or that the log only grew (docs/ssj-log-v1.md §8);\n" +
      '  exit 0 verified, 1 not verified, 2 unusable input',
    load: () => import('./log/log.command'),
  },
  monitor: {
    about: 'watch a portal’s transparency log: `ssj monitor URL --state DIR`',
    usage:
      'usage: ssj monitor URL --state DIR [--once] [--interval SECONDS]\n' +
      '  keeps every signed tree head in DIR, checks consistency each time, reports commitments never\n' +
      '  followed by a draw or an abandonment; exit 1 on a split view or a rewritten history',
    load: () => import('./log/monitor.command'),
  },
  evidence: {
    about: 'photo evidence: `ssj evidence export ID DIR`, `ssj evidence verify DIR`',
    usage: EVIDENCE_USAGE,
    load: () => import('./commands/evidence'),
  },
  backup: {
    about: 'back up the database with a manifest a restore proves itself against',
    usage: BACKUP_USAGE,
    load: async () => ({ run: (await import('./commands/backup')).backup }),
  },
  restore: {
    about: 'restore a backup (server stopped) and prove nothing up to it is lost',
    usage: RESTORE_USAGE,
    load: async () => ({ run: (await import('./commands/backup')).restore }),
  },
  rollups: {
    about: 'dashboard rollups: `ssj rollups check|rebuild`',
    usage: `usage: ssj rollups check|rebuild\n  check compares the rollups with a recount; rebuild recounts them\n${DB_ENV}`,
    load: () => import('./commands/rollups'),
  },
  import: {
    about: 'import targets|inspectors|items FILE [--valid-only] [--dry-run]',
    usage: `usage: ssj import targets|inspectors|items FILE [--valid-only] [--dry-run]\n${DB_ENV}`,
    load: () => import('./commands/import'),
  },
  users: {
    about: 'accounts: `ssj users bootstrap` creates the first system administrator',
    usage: USERS_USAGE.trimEnd(),
    load: () => import('./commands/users'),
  },
  openapi: {
    about: 'print the OpenAPI document as JSON',
    usage: 'usage: ssj openapi\n  prints the server’s OpenAPI document as JSON on stdout',
    load: () => import('./commands/openapi'),
  },
  bench: {
    about: 'run the benchmarks and print figures',
    usage:
      'usage: ssj bench [draw|server-draw|targets|risk|dashboard|search|portal|log|alerts|all] [--quick] [--national]\n' +
      '                 [--database-url URL] [--rate N] [--seconds N]\n' +
      '  draw --national: also draw from a 189 M-line frame generated into a pipe (minutes)\n' +
      '  alerts: signed risk alerts offered at --rate per second (200) for --seconds (60; 10 with --quick)\n' +
      '  portal: the public results search, mixed queries at --rate (500) for --seconds (60; 10 with --quick)',
    load: () => import('./commands/bench'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ssj ${name.padEnd(8)} ${c.about}`);
  return `usage: ssj <command> [options]   (ssj <command> --help for its usage; ssj --version)\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (name === '--version' || name === '-V') {
    process.stdout.write(`ssj ${cliPackage.version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (cmd === undefined) {
    process.stderr.write(`ssj: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  const mod = await cmd.load();
  return mod.run(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const cause = e instanceof Error && e.cause instanceof Error ? `\ncaused by: ${e.cause.message}` : '';
    process.stderr.write(
      `ssj: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}${cause}\n`,
    );
    process.exitCode = 70;
  },
);
