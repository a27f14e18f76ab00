/**
 * The validation pass of an import: reads the file, matches the header row, parses every
 * row, finds duplicates within the file, runs the kind's database checks per batch, and
 * collects every issue with its row, column and bilingual reason.
 */
import { Transform } from 'node:stream';
import {
  domainError,
  err,
  ok,
  TEXT_FLAW_MESSAGES,
  textFlaw,
  visibleText,
  type DomainError,
  type FieldIssue,
  type Result,
} from '@openssj/core';
import type { Db } from '../../../db/client';
import { matchHeaders, rawRow, type ColumnMap } from './header-match';
import { KeyIndex } from './key-index';
import type { ImportIssue, ImportOptions } from './import-runner';
import type { HeaderSpec, ImportContext, ImportSpec } from './import-spec';
import { readRows, type ImportSource, type SheetFormat } from './sheet-reader';

class Counting extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null, d?: Buffer) => void): void {
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

function counted(source: ImportSource, counter: { current: Counting | null }): ImportSource {
  return {
    fileName: source.fileName,
    open: () => {
      const c = new Counting();
      counter.current = c;
      const s = source.open();
      s.on('error', (e) => c.destroy(e));
      return s.pipe(c);
    },
  };
}

export interface Validated<Row> {
  readonly columns: ColumnMap;
  readonly rows: number;
  readonly accepted: number;
  readonly rejectedRows: ReadonlySet<number>;
  readonly issues: ImportIssue[];
  readonly issuesOmitted: number;
  readonly cache: { row: Row; rowNumber: number }[] | null;
  readonly cancelled: boolean;
}

function columnOf(headers: readonly HeaderSpec[], field: string): { zh: string; en: string } {
  const h = headers.find((x) => x.key === field || x.zh === field);
  return h === undefined ? { zh: field, en: field } : { zh: h.zh, en: h.en };
}

/** The column that holds a row's id: the first whose cell is (the end of) the key. */
function keyColumn(
  headers: readonly HeaderSpec[],
  raw: Readonly<Record<string, string>>,
  key: string,
): string {
  for (const h of headers) {
    const v = (raw[h.key] ?? '').trim();
    if (v !== '' && (v === key || key.endsWith(v))) {
      return h.key;
    }
  }
  return headers[0]?.key ?? '';
}

class IssueBook {
  readonly issues: ImportIssue[] = [];
  readonly rejected = new Set<number>();
  omitted = 0;
  constructor(
    private readonly headers: readonly HeaderSpec[],
    private readonly max: number,
  ) {}
  add(rowNumber: number, fi: FieldIssue): void {
    const row = fi.row ?? rowNumber;
    this.rejected.add(row);
    if (this.issues.length >= this.max) {
      this.omitted += 1;
      return;
    }
    const col = columnOf(this.headers, fi.field);
    this.issues.push({
      row,
      column: col.zh,
      columnEn: col.en,
      value: fi.value ?? '',
      messageZh: fi.messageZh,
      messageEn: fi.messageEn,
    });
  }
}

/** Cells that hold a NUL or a lone surrogate: refused by row and column, never stored. */
function flawedCells(raw: Readonly<Record<string, string>>, row: number): FieldIssue[] | null {
  let found: FieldIssue[] | null = null;
  for (const field in raw) {
    const value = raw[field] ?? '';
    const flaw = textFlaw(value);
    if (flaw !== null) {
      (found ??= []).push({
        row,
        field,
        value: visibleText(value).slice(0, 200),
        messageZh: `第 ${row} 行：${TEXT_FLAW_MESSAGES[flaw].zh}`,
        messageEn: `row ${row}: ${TEXT_FLAW_MESSAGES[flaw].en}`,
      });
    }
  }
  return found;
}

/** Validate every row of a file, collecting all issues; accepted batches go to `sink` when given. */
export async function validatePass<Row>(
  db: Db,
  spec: ImportSpec<Row>,
  source: ImportSource,
  format: SheetFormat,
  opts: ImportOptions,
  sink?: (rows: Row[]) => Promise<void>,
): Promise<Result<Validated<Row>, DomainError>> {
  const batchSize = opts.batchSize ?? 5000;
  const book = new IssueBook(spec.headers, opts.maxIssues ?? 100_000);
  const seen = new KeyIndex();
  const cacheLimit = opts.cacheRows ?? 200_000;
  let cache: { row: Row; rowNumber: number }[] | null = sink === undefined ? [] : null;
  let columns: ColumnMap | null = null;
  let rows = 0;
  let accepted = 0;
  let pending: { row: Row; rowNumber: number }[] = [];
  const counter: { current: Counting | null } = { current: null };
  const size = opts.sizeBytes ?? 0;

  const flush = async (): Promise<void> => {
    if (pending.length === 0) {
      return;
    }
    const batch = pending;
    pending = [];
    const found = spec.checkBatch === undefined ? [] : await spec.checkBatch(db, batch, opts.ctx);
    for (const fi of found) {
      book.add(fi.row ?? 0, fi);
    }
    const good: Row[] = [];
    for (const b of batch) {
      if (book.rejected.has(b.rowNumber)) {
        continue;
      }
      accepted += 1;
      good.push(b.row);
      if (cache !== null) {
        cache.push(b);
        if (cache.length > cacheLimit) {
          cache = null;
        }
      }
    }
    // All-or-nothing stops writing at the first bad row; the transaction will roll back anyway.
    if (sink !== undefined && good.length > 0 && (opts.mode === 'valid-only' || book.rejected.size === 0)) {
      await sink(good);
    }
    opts.onProgress?.({
      phase: 'validating',
      processed: rows,
      fraction: size > 0 ? Math.min(1, (counter.current?.bytes ?? 0) / size) : 0,
    });
  };

  for await (const chunk of readRows(counted(source, counter), format)) {
    for (const sr of chunk) {
      if (columns === null) {
        const m = matchHeaders(spec.headers, sr.cells);
        if (!m.ok) {
          return m;
        }
        columns = m.value;
        continue;
      }
      rows += 1;
      const raw = rawRow(spec.headers, columns, sr.cells);
      const flawed = flawedCells(raw, sr.rowNumber);
      if (flawed !== null) {
        flawed.forEach((fi) => book.add(sr.rowNumber, fi));
        continue;
      }
      const parsed = spec.parseRow(raw, sr.rowNumber, opts.ctx);
      if (!parsed.ok) {
        for (const fi of parsed.error) {
          book.add(sr.rowNumber, fi);
        }
        continue;
      }
      const key = spec.keyOf(parsed.value);
      const first = seen.firstOrAdd(key, sr.rowNumber);
      if (first !== undefined) {
        const col = keyColumn(spec.headers, raw, key);
        book.add(sr.rowNumber, {
          row: sr.rowNumber,
          field: col,
          value: raw[col] ?? key,
          messageZh: `与第 ${first} 行重复（${key}）`,
          messageEn: `duplicate of row ${first} (${key})`,
        });
        continue;
      }
      pending.push({ row: parsed.value, rowNumber: sr.rowNumber });
      if (pending.length >= batchSize) {
        await flush();
        if (opts.signal?.aborted === true) {
          return ok({
            columns,
            rows,
            accepted,
            rejectedRows: book.rejected,
            issues: book.issues,
            issuesOmitted: book.omitted,
            cache,
            cancelled: true,
          });
        }
      }
    }
  }
  await flush();
  if (columns === null) {
    return err(
      domainError(
        'VALIDATION',
        `文件没有表头和数据：${source.fileName}`,
        `the file has no header row and no data: ${source.fileName}`,
        { details: { reason: 'empty' } },
      ),
    );
  }
  book.issues.sort((a, b) => a.row - b.row);
  return ok({
    columns,
    rows,
    accepted,
    rejectedRows: book.rejected,
    issues: book.issues,
    issuesOmitted: book.omitted,
    cache,
    cancelled: opts.signal?.aborted === true,
  });
}

/** The accepted rows again: from the cache of the first pass, or by reading the file a second time. */
export async function* acceptedRows<Row>(
  spec: ImportSpec<Row>,
  source: ImportSource,
  format: SheetFormat,
  v: Validated<Row>,
  ctx: ImportContext,
): AsyncGenerator<Row> {
  if (v.cache !== null) {
    for (const c of v.cache) {
      yield c.row;
    }
    return;
  }
  let header = true;
  for await (const chunk of readRows(source, format)) {
    for (const sr of chunk) {
      if (header) {
        header = false;
        continue;
      }
      if (v.rejectedRows.has(sr.rowNumber)) {
        continue;
      }
      const parsed = spec.parseRow(rawRow(spec.headers, v.columns, sr.cells), sr.rowNumber, ctx);
      if (parsed.ok) {
        yield parsed.value;
      }
    }
  }
}
