/**
 * The import runner: streams a spreadsheet, validates every row (collecting all issues,
 * duplicates within the file and the kind's database checks), then writes the accepted
 * rows in ONE transaction. All-or-nothing (default) writes nothing when any row is bad;
 * valid-only writes the good rows; dry-run rolls back. Cancelling rolls back too.
 *
 * Two passes: validation runs outside any transaction, so a bad file never locks the
 * database (PGlite has one connection); only the write pass holds a transaction.
 */
import { err, ok, type DomainError, type Result } from '@openssj/core';
import type { Db } from '../../../db/client';
import { inTransaction } from '../../../db/tx';
import { audit } from '../audit.service';
import type { ImportContext, ImportKind, ImportSpec, MergeStep, WriteStage } from './import-spec';
import { acceptedRows, validatePass, type Validated } from './import-validate';
import { detectFormat, type ImportSource, type SheetFormat } from './sheet-reader';

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One problem of one row, as the error report shows it. */
export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly columnEn: string;
  readonly value: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

export interface ImportProgress {
  readonly phase: 'validating' | 'writing';
  /** Rows handled in this phase. */
  readonly processed: number;
  /**
   * Share of this phase done, 0–1: bytes read while validating; while writing, rows written
   * (staged) and then the merge's steps.
   */
  readonly fraction: number;
  /** A staged write's merge step under way, once the rows are staged. */
  readonly step?: MergeStep;
}

export interface ImportOptions {
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  readonly ctx: ImportContext;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Size of the source in bytes, for progress while validating. */
  readonly sizeBytes?: number;
  readonly batchSize?: number;
  /** Issues kept for the report; more are counted in `issuesOmitted`. */
  readonly maxIssues?: number;
  /** Rows kept in memory between the passes instead of reading the file again. */
  readonly cacheRows?: number;
  /** Runs inside the write transaction just before commit (e.g. to finish a job row). */
  readonly onCommit?: (tx: Db, outcome: ImportOutcome) => Promise<void>;
  /** Entity id for the audit row (the job id), when there is one. */
  readonly auditEntityId?: string;
  /**
   * Validate and write in one pass inside the transaction, rolling back when a row is bad
   * (all-or-nothing) — for PostgreSQL, where an open transaction blocks nobody. PGlite has one
   * connection, so there the default two passes keep a bad file from ever locking it.
   */
  readonly singlePass?: boolean;
}

export interface ImportOutcome {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly format: SheetFormat;
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  /** Data rows in the file (blank rows not counted). */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** True when rows were committed. */
  readonly written: boolean;
  readonly cancelled: boolean;
  readonly issues: readonly ImportIssue[];
  readonly issuesOmitted: number;
}

/** Run an import of `spec` from `source`. Unusable input (format, header) is an error result. */
export async function runImport<Row>(
  db: Db,
  spec: ImportSpec<Row>,
  source: ImportSource,
  opts: ImportOptions,
): Promise<Result<ImportOutcome, DomainError>> {
  const format = await detectFormat(source);
  if (!format.ok) {
    return format;
  }
  if (opts.singlePass === true) {
    return singlePassImport(db, spec, source, format.value, opts);
  }
  const validated = await validatePass(db, spec, source, format.value, opts);
  if (!validated.ok) {
    return validated;
  }
  const v = validated.value;
  const base = baseOf(spec, source, format.value, opts, v);
  const none: ImportOutcome = {
    ...base,
    added: 0,
    updated: 0,
    unchanged: 0,
    written: false,
    cancelled: false,
  };
  if (v.cancelled) {
    return ok({ ...none, cancelled: true });
  }
  if ((opts.mode === 'all-or-nothing' && v.rejectedRows.size > 0) || v.accepted === 0) {
    return ok(none);
  }
  return twoPassWrite(db, spec, source, format.value, opts, v, base);
}

type Base = Omit<ImportOutcome, 'added' | 'updated' | 'unchanged' | 'written' | 'cancelled'>;

function baseOf<Row>(
  spec: ImportSpec<Row>,
  source: ImportSource,
  format: SheetFormat,
  opts: ImportOptions,
  v: Validated<Row>,
): Base {
  return {
    kind: spec.kind,
    fileName: source.fileName,
    format,
    mode: opts.mode,
    dryRun: opts.dryRun,
    rows: v.rows,
    accepted: v.accepted,
    rejected: v.rejectedRows.size,
    issues: v.issues,
    issuesOmitted: v.issuesOmitted,
  };
}

/** Batches that may wait to be written while the file is read on (5 000 rows each by default). */
const WRITE_QUEUE = 3;

/**
 * The writes of one import, with batches written while the next are read: upserts batch by
 * batch, or, for a staged kind, batches staged and merged once at the end. Progress is reported
 * here only when `reportRows` (two passes: the rows are known); a single pass reports bytes read.
 */
class Writer<Row> {
  added = 0;
  updated = 0;
  unchanged = 0;
  processed = 0;
  private stage: WriteStage<Row> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private readonly queued: Promise<void>[] = [];
  constructor(
    private readonly tx: Db,
    private readonly spec: ImportSpec<Row>,
    private readonly opts: ImportOptions,
    private readonly total: () => number,
    private readonly reportRows: boolean,
  ) {}
  /**
   * Queue a batch behind the ones before it. Reading goes on while up to WRITE_QUEUE batches wait,
   * so the database takes one batch while the next rows are validated.
   */
  async push(rows: Row[]): Promise<void> {
    const p = this.tail.then(() => this.write(rows));
    p.catch(() => undefined); // handled where it is awaited; avoids an unhandled-rejection crash meanwhile
    this.tail = p;
    this.queued.push(p);
    if (this.queued.length > WRITE_QUEUE) {
      await this.queued.shift();
    }
  }
  /** Wait for every queued batch. */
  async drain(): Promise<void> {
    await this.tail;
    this.queued.length = 0;
  }
  /** Wait for the queued batches, then finish the stage (the last merge and its index builds). */
  async complete(): Promise<void> {
    await this.drain();
    if (this.stage === null) {
      return;
    }
    const steps: readonly MergeStep[] = ['merging', 'indexing'];
    this.count(
      await this.stage.finish((step) => {
        this.opts.onProgress?.({
          phase: 'writing',
          processed: this.processed,
          fraction: 0.5 + steps.indexOf(step) / (2 * steps.length),
          step,
        });
      }),
    );
  }
  private count(c: { added: number; updated: number; unchanged: number }): void {
    this.added += c.added;
    this.updated += c.updated;
    this.unchanged += c.unchanged;
  }
  private async write(rows: Row[]): Promise<void> {
    const staged = this.spec.staged;
    if (staged === undefined) {
      this.count(await this.spec.upsert(this.tx, rows, this.opts.ctx));
    } else {
      this.stage ??= await staged.open(this.tx, this.opts.ctx);
      await this.stage.stage(rows);
    }
    this.processed += rows.length;
    if (!this.reportRows) {
      return;
    }
    const total = this.total();
    // staged rows are the first half of the writing; the last merge is the second
    const share = total > 0 ? Math.min(1, this.processed / total) : 0;
    this.opts.onProgress?.({
      phase: 'writing',
      processed: this.processed,
      fraction: staged === undefined ? share : share / 2,
    });
  }
}

type WriteStop =
  | { readonly stop: 'cancelled' }
  | { readonly stop: 'nothing'; readonly outcome: ImportOutcome }
  | { readonly stop: 'unusable'; readonly error: DomainError };

/** Finish a write: the outcome, rolled back on dry-run, else audited (with the mode, issue 3) and committed. */
async function finish<Row>(
  tx: Db,
  spec: ImportSpec<Row>,
  opts: ImportOptions,
  base: Base,
  w: Writer<Row>,
): Promise<Result<ImportOutcome, WriteStop>> {
  await w.complete();
  const outcome: ImportOutcome = {
    ...base,
    added: w.added,
    updated: w.updated,
    unchanged: w.unchanged,
    written: !opts.dryRun,
    cancelled: false,
  };
  if (opts.dryRun) {
    return err({ stop: 'nothing', outcome });
  }
  await audit(
    tx,
    opts.ctx.audit,
    {
      action: `import.${spec.kind}`,
      entityType: 'import',
      entityId: opts.auditEntityId ?? null,
      after: {
        fileName: base.fileName,
        mode: opts.mode,
        rows: base.rows,
        accepted: base.accepted,
        rejected: base.rejected,
        added: w.added,
        updated: w.updated,
        unchanged: w.unchanged,
      },
    },
    opts.ctx.now,
  );
  await opts.onCommit?.(tx, outcome);
  return ok(outcome);
}

function settle(
  res: Result<ImportOutcome, WriteStop>,
  cancelled: () => ImportOutcome,
): Result<ImportOutcome, DomainError> {
  if (res.ok) {
    return res;
  }
  switch (res.error.stop) {
    case 'cancelled':
      return ok(cancelled());
    case 'nothing':
      return ok(res.error.outcome);
    case 'unusable':
      return err(res.error.error);
  }
}

async function twoPassWrite<Row>(
  db: Db,
  spec: ImportSpec<Row>,
  source: ImportSource,
  format: SheetFormat,
  opts: ImportOptions,
  v: Validated<Row>,
  base: Base,
): Promise<Result<ImportOutcome, DomainError>> {
  const batchSize = opts.batchSize ?? 5000;
  const res = await inTransaction<ImportOutcome, WriteStop>(db, async (tx) => {
    const w = new Writer(tx, spec, opts, () => v.accepted, true);
    let batch: Row[] = [];
    for await (const row of acceptedRows(spec, source, format, v, opts.ctx)) {
      batch.push(row);
      if (batch.length >= batchSize) {
        await w.push(batch);
        batch = [];
        if (opts.signal?.aborted === true) {
          return err({ stop: 'cancelled' });
        }
      }
    }
    if (batch.length > 0) {
      await w.push(batch);
    }
    await w.drain();
    return opts.signal?.aborted === true ? err({ stop: 'cancelled' }) : finish(tx, spec, opts, base, w);
  });
  return settle(res, () => ({
    ...base,
    added: 0,
    updated: 0,
    unchanged: 0,
    written: false,
    cancelled: true,
  }));
}

async function singlePassImport<Row>(
  db: Db,
  spec: ImportSpec<Row>,
  source: ImportSource,
  format: SheetFormat,
  opts: ImportOptions,
): Promise<Result<ImportOutcome, DomainError>> {
  let base: Base | null = null;
  const res = await inTransaction<ImportOutcome, WriteStop>(db, async (tx) => {
    let accepted = 0;
    const w = new Writer(tx, spec, opts, () => accepted, false);
    const validated = await validatePass(tx, spec, source, format, opts, async (rows) => {
      accepted += rows.length;
      await w.push(rows);
    });
    await w.drain();
    if (!validated.ok) {
      return err({ stop: 'unusable', error: validated.error });
    }
    const v = validated.value;
    base = baseOf(spec, source, format, opts, v);
    if (v.cancelled || opts.signal?.aborted === true) {
      return err({ stop: 'cancelled' });
    }
    if ((opts.mode === 'all-or-nothing' && v.rejectedRows.size > 0) || v.accepted === 0) {
      return err({
        stop: 'nothing',
        outcome: { ...base, added: 0, updated: 0, unchanged: 0, written: false, cancelled: false },
      });
    }
    return finish(tx, spec, opts, base, w);
  });
  return settle(res, () => ({
    kind: spec.kind,
    fileName: source.fileName,
    format,
    mode: opts.mode,
    dryRun: opts.dryRun,
    rows: 0,
    accepted: 0,
    rejected: 0,
    issues: [],
    issuesOmitted: 0,
    ...(base ?? {}),
    added: 0,
    updated: 0,
    unchanged: 0,
    written: false,
    cancelled: true,
  }));
}
