/**
 * Imports near COPY speed (issue 18, part 2), on both engines: COPY text escaping round-trips
 * every awkward value; a bulk import into an empty library drops and rebuilds the secondary
 * indexes exactly as they were (also when a dry run rolls it all back); a re-import of the same
 * file writes nothing, matched by the stored row hash; one changed row is the only one updated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../src/db/client';
import { copyData, copyIn, copyText } from '../../src/db/copy-in';
import { queryOne, queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import {
  runImport,
  type ImportOutcome,
  type ImportProgress,
} from '../../src/contexts/platform/sheets/import-runner';
import { bufferSource } from '../../src/contexts/platform/sheets/sheet-reader';
import { targetImportSpec } from '../../src/contexts/library/imports/target.import';
import {
  BULK_REBUILD_MIN,
  openTargetStage,
  ROW_HASH_OF_INPUT,
} from '../../src/contexts/library/target-write.repo';
import { TARGET_HEADERS } from '../../src/contexts/library/imports/target.import';
import type { TargetInput } from '@openssj/core';
import { cliContext, companyRow, csvBytes, TEMPLATE_HEADER } from './helpers';

const AWKWARD: readonly (string | null)[] = [
  'a\tb',
  'back\\slash',
  'line\nbreak',
  'cr\rhere',
  '\\N',
  '',
  null,
  '重庆市渝北区「示例」路 1 号',
  '\\t literal',
];

describe('COPY text escaping', () => {
  it('escapes backslash, TAB, LF and CR, and writes NULL as \\N', () => {
    expect(copyText('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyText(null)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(
      copyData([
        ['x', null],
        ['', 'y'],
      ]),
    ).toBe('x\t\\N\n\ty\n');
  });
});

const N = BULK_REBUILD_MIN + 250;
const META = { date: '2026-11-22', by: 'test', at: new Date('2026-11-22T02:00:00Z'), tierSource: '批量导入' };

/** Template rows as the import parses them (the staging API takes parsed rows). */
function parsed(rows: readonly string[][]): TargetInput[] {
  return rows.map((r, i) => {
    const v = targetImportSpec.parseRow(
      Object.fromEntries(TARGET_HEADERS.map((h, j) => [h.key, r[j] ?? ''])),
      i + 2,
      cliContext(),
    );
    if (!v.ok) {
      throw new Error(JSON.stringify(v.error));
    }
    return v.value;
  });
}
const rowsOf = (n: number, rename?: number): string[][] =>
  Array.from({ length: n }, (_, i) => (i === rename ? companyRow(i, `改名${i}号餐饮店`) : companyRow(i)));

describe.each(ENGINES)('bulk target import on %s', (engine) => {
  let db: Database;
  const indexDefs = async (): Promise<string[]> =>
    (
      await queryRows(
        db.db,
        sql`SELECT indexdef FROM pg_indexes WHERE tablename = 'targets' ORDER BY indexname`,
        z.object({ indexdef: z.string() }),
      )
    ).map((r) => r.indexdef);
  const count = async (q: ReturnType<typeof sql>): Promise<number> =>
    (await queryOne(db.db, q, z.object({ n: z.coerce.number() })))?.n ?? 0;
  const importRows = async (
    rows: string[][],
    opts: { dryRun?: boolean; now?: Date; onProgress?: (p: ImportProgress) => void } = {},
  ): Promise<ImportOutcome> => {
    const r = await runImport(
      db.db,
      targetImportSpec,
      bufferSource('t.csv', csvBytes([TEMPLATE_HEADER, ...rows])),
      {
        mode: 'all-or-nothing',
        dryRun: opts.dryRun ?? false,
        ctx: cliContext(opts.now),
        singlePass: engine === 'postgres',
        ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
      },
    );
    if (!r.ok) {
      throw new Error(r.error.messageEn);
    }
    return r.value;
  };

  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(async () => {
    await db.close();
  });

  it('round-trips awkward values through COPY', async () => {
    const back = await db.db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE copy_probe (n text, v text) ON COMMIT DROP`);
      await copyIn(
        tx,
        'copy_probe',
        ['n', 'v'],
        AWKWARD.map((v, i) => [String(i), v]),
      );
      return queryRows(
        tx,
        sql`SELECT v FROM copy_probe ORDER BY n::int`,
        z.object({ v: z.string().nullable() }),
      );
    });
    expect(back.map((r) => r.v)).toEqual(AWKWARD);
  });

  it('a dry run into an empty library rebuilds the indexes and rolls everything back', async () => {
    const before = await indexDefs();
    expect(before.some((d) => d.includes('targets_name_grams_idx'))).toBe(true);
    const out = await importRows(rowsOf(N), { dryRun: true });
    expect(out).toMatchObject({ accepted: N, added: N, updated: 0, written: false });
    expect(await indexDefs()).toEqual(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM targets`)).toBe(0);
  });

  it('loads an empty library in bulk: every row, its history, and the same indexes, in use', async () => {
    const before = await indexDefs();
    const steps: string[] = [];
    const out = await importRows(rowsOf(N), {
      onProgress: (p) => {
        if (p.step !== undefined && !steps.includes(p.step)) {
          steps.push(p.step);
        }
      },
    });
    expect(out).toMatchObject({ accepted: N, added: N, updated: 0, unchanged: 0, written: true });
    expect(steps).toEqual(['merging', 'indexing']);
    expect(await indexDefs()).toEqual(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM targets`)).toBe(N);
    expect(await count(sql`SELECT count(*)::int AS n FROM target_status_history`)).toBe(N);
    // the rebuilt gram index answers a name search (rows with 17 in their number)
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM targets WHERE name_grams @> ARRAY['17'] AND name LIKE '%17%'`,
      ),
    ).toBe(rowsOf(N).filter((r) => (r[2] ?? '').includes('17')).length);
    // every stored hash is the hash of the stored fields
    expect(
      await count(sql`SELECT count(*)::int AS n FROM targets WHERE row_hash IS DISTINCT FROM
        ssj_target_row_hash(uscc, type, name, division_code, address, industry_code, legal_rep, status,
          supervising_unit, risk_tier, tags)`),
    ).toBe(0);
  });

  it('a re-import of the same file writes nothing; one renamed row is the only one updated', async () => {
    const stamp = sql`SELECT count(*)::int AS n FROM targets WHERE updated_at > '2026-11-20T02:00:00Z'`;
    const later = new Date('2026-11-21T02:00:00Z');
    const again = await importRows(rowsOf(N), { now: later });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: N, written: true });
    expect(await count(stamp)).toBe(0);
    const renamed = await importRows(rowsOf(N, 7), { now: later });
    expect(renamed).toMatchObject({ added: 0, updated: 1, unchanged: N - 1 });
    expect(await count(stamp)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM targets WHERE name = '改名7号餐饮店'`)).toBe(1);
    // a library that is not empty keeps its indexes in place (nothing rebuilt, nothing lost)
    expect((await indexDefs()).some((d) => d.includes('targets_tags_idx'))).toBe(true);
  });

  it('stages batches and merges once: new, changed and unchanged rows counted, nothing rebuilt in a library that holds rows', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM targets`);
    // rows 0..N-1 exist; stage 1 000 of them (one renamed) and 1 500 new ones, in batches of 300
    const kept = rowsOf(1000, 3).map((r, i) => (i === 7 ? companyRow(7, '改名7号餐饮店') : r)); // 7 as renamed above
    const rows = [...kept, ...Array.from({ length: 1500 }, (_, i) => companyRow(N + i))];
    const res = await db.db.transaction(async (tx) => {
      const stage = await openTargetStage(tx, META, 1);
      const all = parsed(rows);
      for (let i = 0; i < all.length; i += 300) {
        await stage.stage(all.slice(i, i + 300));
      }
      return stage.finish(() => undefined);
    });
    expect(res).toEqual({ added: 1500, updated: 1, unchanged: 999, rebuilt: [] });
    expect(await count(sql`SELECT count(*)::int AS n FROM targets`)).toBe(before + 1500);
  });

  it.runIf(engine === 'postgres')('two bulk loads into an empty library at once take turns', async () => {
    const other = await freshDatabase(engine);
    try {
      const rows = parsed(rowsOf(1000));
      let staged = 0;
      let bothStaged: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => (bothStaged = resolve));
      const load = (part: TargetInput[]) =>
        other.db.transaction(async (tx) => {
          const stage = await openTargetStage(tx, META, 1);
          await stage.stage(part);
          staged += 1;
          if (staged === 2) {
            bothStaged();
          }
          await barrier; // both check the library's emptiness at the same moment
          return stage.finish(() => undefined);
        });
      const [a, b] = await Promise.all([load(rows.slice(0, 500)), load(rows.slice(500))]);
      expect(a.added + b.added).toBe(1000);
      expect([a.rebuilt.length > 0, b.rebuilt.length > 0].sort()).toEqual([false, true]);
      const n = await queryOne(
        other.db,
        sql`SELECT count(*)::int AS n FROM targets`,
        z.object({ n: z.number() }),
      );
      expect(n?.n).toBe(1000);
    } finally {
      await other.close();
    }
  });

  it('states the row hash the merge compares exactly as ssj_target_row_hash', async () => {
    const awkward = sql`SELECT * FROM (VALUES
      (NULL::text, '', 'a,b', '"q"', '\\x', '{}', NULL::text, '(', ')', '', ARRAY['x,y', '"', '{z}', '']::text[]),
      ('91', 't', '名称', '500112', '地址 1', 'F', '张', '在营', NULL, 'B', '{}'::text[])
    ) AS i(uscc, type, name, division_code, address, industry_code, legal_rep, status, supervising_unit, risk_tier, tags)`;
    const rows = await queryRows(
      db.db,
      sql`SELECT ${ROW_HASH_OF_INPUT} AS inline, ssj_target_row_hash(i.uscc, i.type, i.name, i.division_code, i.address,
        i.industry_code, i.legal_rep, i.status, i.supervising_unit, i.risk_tier, i.tags) AS fn FROM (${awkward}) AS i`,
      z.object({ inline: z.string(), fn: z.string() }),
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.inline).toBe(r.fn);
    }
    expect(rows[0]?.fn).not.toBe(rows[1]?.fn);
  });
});
