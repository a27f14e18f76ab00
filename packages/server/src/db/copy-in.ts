/**
 * COPY … FROM STDIN behind the query layer: rows of text values into a table's columns, on the
 * caller's connection (so inside its transaction). PostgreSQL streams through pg-copy-streams;
 * PGlite, embedded, reads one blob (`COPY … FROM '/dev/blob'`). Table and column names come from
 * the repositories, never from input; values travel as COPY text data, escaped here.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client';
import { driverOf } from './driver';

const NAME = /^[a-z_][a-z0-9_]*$/;

/** One value in COPY's text format: NULL as \N; backslash, TAB, LF and CR escaped. */
export function copyText(v: string | null): string {
  if (v === null) {
    return '\\N';
  }
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
}

/** Rows as COPY text data: values joined by TAB, one row per line. */
export function copyData(rows: readonly (readonly (string | null)[])[]): string {
  let out = '';
  for (const r of rows) {
    out += `${r.map(copyText).join('\t')}\n`;
  }
  return out;
}

async function toPg(client: pg.ClientBase, statement: string, data: string): Promise<void> {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from([Buffer.from(data, 'utf8')]), stream);
}

/** COPY `rows` into `table(columns)`; every row has one value per column. */
export async function copyIn(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  if (!NAME.test(table) || !columns.every((c) => NAME.test(c))) {
    throw new Error(`copyIn: bad table or column name ${table}(${columns.join(', ')})`);
  }
  if (rows.length === 0) {
    return;
  }
  if (rows.some((r) => r.length !== columns.length)) {
    throw new Error(`copyIn: a row does not have ${columns.length} values`);
  }
  const data = copyData(rows);
  const d = driverOf(db);
  const target = `${table} (${columns.join(', ')})`;
  if ('client' in d) {
    await toPg(d.client, `COPY ${target} FROM STDIN`, data);
    return;
  }
  if ('pool' in d) {
    throw new Error('copyIn: needs a transaction (a temporary table lives on one connection)');
  }
  await d.pglite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
}
