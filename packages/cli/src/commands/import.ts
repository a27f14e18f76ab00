/**
 * `ssj import targets|inspectors|items FILE [--valid-only] [--dry-run]`: the same import as
 * the web page. Exit 0 when every row is accepted (counts printed); 1 on bad rows (printed;
 * nothing written unless --valid-only); 2 on unusable input (format, header, arguments).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
  loadConfig,
  openDatabase,
  migrate,
  importSpecOf,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  runImport,
  type ImportOutcome,
  type ImportProgress,
  type ImportKind,
  detectFormat,
  fileSource,
} from '@openssj/server';

const USAGE = `usage: ssj import ${IMPORT_KINDS.join('|')} FILE [--valid-only] [--dry-run]
  FILE       .xlsx or .csv (UTF-8 with or without BOM, or GBK) with the template's Chinese headers
  --valid-only  write the valid rows even when some rows are bad (default: all or nothing)
  --dry-run     validate and count, write nothing
  uses DATABASE_URL, or PGlite in SSJ_DATA_DIR (./data)
`;

/** Rows printed before the rest are only counted. */
const MAX_PRINTED = 200;

interface Args {
  readonly kind: ImportKind;
  readonly file: string;
  readonly validOnly: boolean;
  readonly dryRun: boolean;
}

function isKind(s: string): s is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(s);
}

/** Parse the arguments; a string is a usage error. */
export function parseImportArgs(argv: readonly string[]): Args | string {
  const flags = argv.filter((a) => a.startsWith('--'));
  const positional = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--valid-only' && f !== '--dry-run');
  if (unknown.length > 0) {
    return `unknown option ${unknown.join(' ')}`;
  }
  const [kind, file, ...extra] = positional;
  if (kind === undefined || file === undefined || extra.length > 0) {
    return 'expected a kind and one file';
  }
  if (!isKind(kind)) {
    return `unknown kind "${kind}": ${IMPORT_KINDS.join(', ')}`;
  }
  return { kind, file, validOnly: flags.includes('--valid-only'), dryRun: flags.includes('--dry-run') };
}

/** Seconds between progress lines when stderr is not a terminal (logs, CI). */
export const PROGRESS_LINE_SECONDS = 5;

/**
 * Import progress on stderr: a bar redrawn in place on a terminal, otherwise one line every
 * PROGRESS_LINE_SECONDS (then also at the end of each phase), so logs show that a long import moves.
 */
export function progressReporter(
  label: string,
  tty: boolean,
  write: (s: string) => void,
  now: () => number = Date.now,
): (p: ImportProgress) => void {
  let last = tty ? 0 : now();
  const finished = new Set<ImportProgress['phase']>();
  let step: ImportProgress['step'];
  let printed = false; // off a terminal, an import done within the first interval prints nothing
  return (p) => {
    const t = now();
    const phaseDone = p.fraction >= 1 && !finished.has(p.phase) && (tty || printed);
    const stepStarts = p.step !== step && (tty || printed); // a large import's merge steps show as they start
    step = p.step;
    if (t - last < (tty ? 100 : PROGRESS_LINE_SECONDS * 1000) && !phaseDone && !stepStarts) {
      return;
    }
    last = t;
    printed = true;
    if (p.fraction >= 1) {
      finished.add(p.phase);
    }
    const phase =
      p.step === 'merging'
        ? '合并 merging   '
        : p.step === 'indexing'
          ? '索引 indexing  '
          : p.phase === 'validating'
            ? '校验 validating'
            : '写入 writing   ';
    const percent = `${(p.fraction * 100).toFixed(0).padStart(3)}%`;
    if (!tty) {
      write(`${label} ${phase.trim()} ${percent.trim()}  ${p.processed} rows\n`);
      return;
    }
    const width = 30;
    const filled = Math.round(p.fraction * width);
    write(
      `\r${label} ${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${p.processed} rows`,
    );
  };
}

function progressBar(label: string): (p: ImportProgress) => void {
  return progressReporter(label, process.stderr.isTTY === true, (s) => process.stderr.write(s));
}

function printIssues(o: ImportOutcome): void {
  const out = process.stdout;
  out.write(`有问题的行 / bad rows: ${o.rejected}\n`);
  for (const i of o.issues.slice(0, MAX_PRINTED)) {
    out.write(
      `  第 ${i.row} 行「${i.column}」${i.value === '' ? '' : `（${i.value}）`}：${i.messageZh}\n    row ${i.row}, ${i.columnEn}: ${i.messageEn}\n`,
    );
  }
  const more = o.issues.length - Math.min(o.issues.length, MAX_PRINTED) + o.issuesOmitted;
  if (more > 0) {
    out.write(`  … 另有 ${more} 个问题 / ${more} more issues\n`);
  }
}

function counts(o: ImportOutcome): string {
  return `新增 added ${o.added}, 更新 updated ${o.updated}, 未变 unchanged ${o.unchanged}`;
}

/** Import a file; the exit code follows the contract above. */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseImportArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`ssj import: ${args}\n${USAGE}`);
    return 2;
  }
  const spec = importSpecOf(args.kind);
  if (spec === undefined) {
    const l = IMPORT_KIND_LABELS[args.kind];
    process.stderr.write(
      `ssj import: ${l.zh}的导入尚未提供 / importing the ${l.en} is not available in this build yet\n`,
    );
    return 2;
  }
  if (!existsSync(args.file) || !statSync(args.file).isFile()) {
    process.stderr.write(`ssj import: 文件不存在 / no such file: ${args.file}\n`);
    return 2;
  }
  const source = fileSource(args.file, path.basename(args.file));
  const format = await detectFormat(source);
  if (!format.ok) {
    process.stderr.write(`ssj import: ${format.error.messageZh}\n  ${format.error.messageEn}\n`);
    return 2;
  }
  let database;
  try {
    database = await openDatabase(loadConfig(process.env));
  } catch (e) {
    process.stderr.write(`ssj import: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    await migrate(database);
    const bar = progressBar(path.basename(args.file));
    const res = await runImport(database.db, spec, source, {
      mode: args.validOnly ? 'valid-only' : 'all-or-nothing',
      dryRun: args.dryRun,
      ctx: { audit: { actor: null, requestId: null }, now: new Date() },
      signal: controller.signal,
      sizeBytes: statSync(args.file).size,
      onProgress: bar,
      singlePass: database.engine === 'postgres',
    });
    if (process.stderr.isTTY === true) {
      process.stderr.write('\n');
    }
    if (!res.ok) {
      process.stderr.write(`ssj import: ${res.error.messageZh}\n  ${res.error.messageEn}\n`);
      for (const i of res.error.issues ?? []) {
        process.stderr.write(`  ${i.messageZh} / ${i.messageEn}\n`);
      }
      return 2;
    }
    const o = res.value;
    if (o.cancelled) {
      process.stdout.write('已取消，未写入任何数据 / cancelled: nothing was written\n');
      return 130;
    }
    const dry = o.dryRun ? '（试运行，未写入 / dry run: nothing written）' : '';
    if (o.rejected === 0) {
      process.stdout.write(`全部 ${o.rows} 行通过 / all ${o.rows} rows accepted: ${counts(o)}${dry}\n`);
      return 0;
    }
    printIssues(o);
    if (o.mode === 'valid-only') {
      process.stdout.write(
        `已导入有效行 / valid rows imported: ${counts(o)}; 拒绝 rejected ${o.rejected} of ${o.rows}${dry}\n`,
      );
    } else {
      process.stdout.write(
        `未写入任何数据 / nothing was written: ${o.rejected} of ${o.rows} rows rejected (use --valid-only to import the ${o.accepted} valid rows)\n`,
      );
    }
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    await database.close();
  }
}
