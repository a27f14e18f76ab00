// Frames streamed out of the database (issue 14): COPY gives the §4 frame file byte for byte, in
// UTF-8 byte order, with nothing escaped (backslash, quote, Chinese, a UNIT after its TAB), inside
// and outside a transaction; the stream scanner's size, digest and picks equal core's on the same
// text; a broken §4 rule is refused with the stratum and line; on PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import { compareUtf8, frameDigest, ok, selectIds } from '@openssj/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { exec } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { inTransaction } from '../../src/db/tx';
import { frameBytes, frameText } from '../../src/contexts/draw/frame.repo';
import { scanStratum } from '../../src/contexts/draw/frame-scan';
import { loadFixtures } from '../support/fixtures';
import { DRAW_ID, loadInspectionWorld } from '../support/inspection-fixtures';

const DRAW = DRAW_ID;
const SEED = '31415926535897932384626433832795';

async function putFrame(
  database: Database,
  stratum: string,
  rows: readonly (readonly [string, string | null])[],
) {
  await exec(database.db, sql`DELETE FROM draw_frames WHERE draw_id = ${DRAW} AND stratum = ${stratum}`);
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await exec(
      database.db,
      sql`INSERT INTO draw_frames (draw_id, stratum, target_id, unit) VALUES ${sql.join(
        part.map(([id, unit]) => sql`(${DRAW}, ${stratum}, ${id}, ${unit})`),
        sql`, `,
      )}`,
    );
  }
}

function textOf(rows: readonly (readonly [string, string | null])[]): string {
  return [...rows]
    .sort((a, b) => compareUtf8(a[0], b[0]))
    .map(([id, unit]) => (unit === null ? `${id}\n` : `${id}\t${unit}\n`))
    .join('');
}

describe.each(ENGINES)('frames streamed by COPY on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await loadFixtures(database);
    await loadInspectionWorld(database); // a task and its draw, which frame rows belong to
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('gives the frame file byte for byte: byte order, nothing escaped, units after a TAB', async () => {
    const rows: [string, string | null][] = [
      ['产品:批次\\2026"A', 'U-静安'],
      ['91500112MA5U7IN011', 'U\\1'],
      ['设备:电梯-0001', 'U2'],
      ['Zz', 'U2'],
      ['a', 'U3'],
    ];
    await putFrame(database, 'odd', rows);
    const text = await frameText(database.db, DRAW, 'odd');
    expect(text).toBe(textOf(rows));
    // inside a transaction too, on the transaction's connection
    const inTx = await inTransaction(database.db, async (tx) => ok(await frameText(tx, DRAW, 'odd')));
    expect(inTx.ok && inTx.value).toBe(text);
  });

  it('an empty stratum is an empty file', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of frameBytes(database.db, DRAW, 'no such stratum')) {
      chunks.push(c);
    }
    expect(Buffer.concat(chunks).length).toBe(0);
  });

  it('the scan of the stream equals core on the same text: size, digest, picks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.string({
            unit: fc.constantFrom('餐', '饮', 'A', 'b', '1', '-', '\\', '"'),
            minLength: 1,
            maxLength: 8,
          }),
          { minLength: 0, maxLength: 60 },
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: 12 }),
        async (ids, withUnits, k) => {
          const rows = ids.map((id, i): [string, string | null] => [id, withUnits ? `U${i % 3}` : null]);
          await putFrame(database, 'random', rows);
          const text = textOf(rows);
          const r = await inTransaction(database.db, (tx) =>
            scanStratum(tx, DRAW, 'random', withUnits, { seed: SEED, k }),
          );
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.lines).toBe(ids.length);
            expect(r.value.digest).toBe(frameDigest(text));
            expect(r.value.digest).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
            const sorted = [...ids].sort(compareUtf8);
            expect(r.value.picks).toEqual(selectIds(SEED, sorted, k));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a frame that breaks §4, naming the stratum and the line', async () => {
    await putFrame(database, 'mixed', [
      ['A1', 'U1'],
      ['A2', null],
    ]);
    const r = await scanStratum(database.db, DRAW, 'mixed', true);
    expect(r.ok ? 'accepted' : r.error.code).toBe('VALIDATION');
    expect(r.ok ? '' : r.error.messageEn).toMatch(/stratum mixed, line 2/);
    expect(r.ok ? '' : r.error.messageZh).toMatch(/分层「mixed」第 2 行/);
    const noUnits = await scanStratum(database.db, DRAW, 'odd', false);
    expect(noUnits.ok ? 'accepted' : noUnits.error.messageEn).toMatch(/line 1/);
  });
});
