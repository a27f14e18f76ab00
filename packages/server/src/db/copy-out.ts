/**
 * COPY … TO STDOUT behind the query layer: the bytes of a SELECT's rows, streamed in chunks, on
 * the caller's connection (so inside its transaction). PostgreSQL streams through pg-copy-streams;
 * PGlite, embedded and single-connection, hands back one blob (`COPY … TO '/dev/blob'`).
 *
 * COPY takes no bind parameters, so values travel as transaction-local settings that the SELECT
 * reads with current_setting(): nothing caller-supplied is spliced into the SQL text.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Db } from './client';
import { driverOf, type PgliteLike } from './driver';

/** A transaction-local setting read by the SELECT: `ssj.<name>`. */
export type CopySettings = Readonly<Record<string, string>>;

const SETTING = /^[a-z_]+$/;

/**
 * CSV with control characters as delimiter and quote: nothing is escaped (a backslash stays one
 * byte, a TAB inside the one column stays a TAB), and a value is quoted only if it holds CR, LF,
 * \x01 or \x02, which frame lines never do (spec §4; ids refuse control characters).
 */
const OPTIONS = `(FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;

function settingSql(settings: CopySettings): { text: string; values: string[] } {
  const names = Object.keys(settings);
  for (const n of names) {
    if (!SETTING.test(n)) {
      throw new Error(`copyOut: bad setting name ${n}`);
    }
  }
  return {
    text: `SELECT ${names.map((n, i) => `set_config('ssj.${n}', $${i + 1}, true)`).join(', ')}`,
    values: names.map((n) => settings[n] ?? ''),
  };
}

async function* fromPg(client: pg.ClientBase, set: { text: string; values: string[] }, copy: string) {
  if (set.values.length > 0) {
    await client.query(set.text, set.values);
  }
  const stream = client.query(copyTo(`COPY (${copy}) TO STDOUT WITH ${OPTIONS}`));
  for await (const chunk of stream) {
    yield chunk as Buffer;
  }
}

/**
 * The rows of a one-column `select` as COPY output: the value and LF per row, in the SELECT's
 * order, byte for byte (see OPTIONS). `settings` become `current_setting('ssj.<name>')`, local to
 * the transaction.
 */
export async function* copyOut(
  db: Db,
  select: string,
  settings: CopySettings = {},
): AsyncGenerator<Uint8Array> {
  const set = settingSql(settings);
  const d = driverOf(db);
  if ('client' in d) {
    yield* fromPg(d.client, set, select);
    return;
  }
  if ('pool' in d) {
    // outside a transaction: a connection of its own, read-only, for the settings to be local to
    const client = await d.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      yield* fromPg(client, set, select);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    return;
  }
  const run = async (q: PgliteLike): Promise<Blob | undefined> => {
    if (set.values.length > 0) {
      await q.query(set.text, set.values);
    }
    const r = await q.query(`COPY (${select}) TO '/dev/blob' WITH ${OPTIONS}`);
    return r.blob;
  };
  const p = d.pglite;
  const blob =
    'transaction' in p && typeof p.transaction === 'function'
      ? await (p as PGlite).transaction((tx) => run(tx))
      : await run(p);
  if (blob !== undefined && blob.size > 0) {
    yield new Uint8Array(await blob.arrayBuffer());
  }
}
