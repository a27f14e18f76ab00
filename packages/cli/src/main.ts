/**
 * ssj — the OpenSSJ command line: serve, import, draw, verify, audit, bench.
 * Each command lives in commands/<name>.ts and exports `run(argv): Promise<number>` (the exit code).
 */
import process from 'node:process';

type CommandModule = { run: (argv: readonly string[]) => Promise<number> };

const commands: Record<string, { about: string; load: () => Promise<CommandModule> }> = {
  serve: {
    about: 'serve the app (PGlite in ./data, or DATABASE_URL)',
    load: () => import('./commands/serve'),
  },
  draw: { about: 'draw from a frame file (spec §8)', load: () => import('./commands/draw') },
  verify: {
    about: 'verify a draw record against frame files (spec §8)',
    load: () => import('./commands/verify'),
  },
  audit: {
    about: 'audit trail tools: `ssj audit verify [--sth FILE]`',
    load: () => import('./commands/audit'),
  },
  log: {
    about: 'transparency log: `ssj log verify --sth FILE [--entry FILE]`, `ssj log consistency OLD NEW`',
    load: () => import('./log/log.command'),
  },
  monitor: {
    about: 'watch a portal’s transparency log: `ssj monitor URL --state DIR`',
    load: () => import('./log/monitor.command'),
  },
  rollups: {
    about: 'dashboard rollups: `ssj rollups check|rebuild`',
    load: () => import('./commands/rollups'),
  },
  import: {
    about: 'import targets|inspectors|items FILE [--valid-only] [--dry-run]',
    load: () => import('./commands/import'),
  },
  openapi: { about: 'print the OpenAPI document as JSON', load: () => import('./commands/openapi') },
  bench: { about: 'run the benchmarks and print figures', load: () => import('./commands/bench') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ssj ${name.padEnd(8)} ${c.about}`);
  return `usage: ssj <command> [options]\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const cmd = commands[name];
  if (cmd === undefined) {
    process.stderr.write(`ssj: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const mod = await cmd.load();
  return mod.run(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ssj: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
