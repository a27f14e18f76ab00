/**
 * The import runner with the target spec, on both engines: every validation rule, the
 * three modes, re-import counts, cancellation, encodings and the .xls refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../src/db/client';
import { queryOne } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import {
  runImport,
  type ImportOptions,
  type ImportOutcome,
} from '../../src/contexts/platform/sheets/import-runner';
import { bufferSource } from '../../src/contexts/platform/sheets/sheet-reader';
import { targetImportSpec } from '../../src/contexts/library/imports/target.import';
import { cliContext, companyRow, csvBytes, TEMPLATE_HEADER, uscc, xlsxBytes } from './helpers';

async function countOf(
  db: Database,
  table: 'targets' | 'target_status_history' | 'audit_log',
): Promise<number> {
  const r = await queryOne(
    db.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
    z.object({ n: z.coerce.number() }),
  );
  return r?.n ?? 0;
}

function withCell(row: readonly string[], header: string, value: string): string[] {
  const out = [...row];
  out[TEMPLATE_HEADER.indexOf(header)] = value;
  return out;
}

describe.each(ENGINES)('target import on %s', (engine) => {
  let db: Database;
  // PostgreSQL validates and writes in one pass; PGlite in two (see ImportOptions.singlePass).
  const base: ImportOptions = {
    mode: 'all-or-nothing',
    dryRun: false,
    ctx: cliContext(),
    singlePass: engine === 'postgres',
  };
  const importCsv = async (
    rows: (readonly string[])[],
    opts: Partial<ImportOptions> = {},
    name = 't.csv',
  ): Promise<ImportOutcome> => {
    const r = await runImport(
      db.db,
      targetImportSpec,
      bufferSource(name, csvBytes([TEMPLATE_HEADER, ...rows])),
      { ...base, ...opts },
    );
    if (!r.ok) {
      throw new Error(`unexpected error: ${r.error.messageEn}`);
    }
    return r.value;
  };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(async () => {
    await db.close();
  });

  it('imports a clean file, then re-import reports unchanged and updated', async () => {
    const rows = [
      companyRow(1),
      companyRow(2),
      ['', '产品:批次-2026-001', '示例月饼', '产品', '500112', '', '', '', '', '', '', ''],
    ];
    const first = await importCsv(rows);
    expect(first).toMatchObject({
      rows: 3,
      accepted: 3,
      rejected: 0,
      added: 3,
      updated: 0,
      unchanged: 0,
      written: true,
    });
    const again = await importCsv([
      withCell(companyRow(1), '名称', '重庆改名商贸有限公司'),
      companyRow(2),
      companyRow(3),
    ]);
    expect(again).toMatchObject({ added: 1, updated: 1, unchanged: 1, written: true });
    expect(await countOf(db, 'targets')).toBe(4);
  });

  it('dates a status change in the history', async () => {
    const before = await countOf(db, 'target_status_history');
    await importCsv([withCell(companyRow(2), '登记状态', '注销')]);
    expect(await countOf(db, 'target_status_history')).toBe(before + 1);
    const r = await queryOne(
      db.db,
      sql`SELECT status, status_date::text AS d FROM targets WHERE id = ${uscc(2)}`,
      z.object({ status: z.string(), d: z.string() }),
    );
    expect(r).toEqual({ status: '注销', d: '2026-11-20' });
  });

  it('reports every bad row with row, column, value and reason; writes nothing by default', async () => {
    const badCheck = `${uscc(10).slice(0, 17)}${uscc(10).endsWith('0') ? '1' : '0'}`;
    const rows = [
      companyRow(11),
      withCell(companyRow(12), '统一社会信用代码', badCheck),
      companyRow(11, '重复'),
      withCell(companyRow(13), '行政区划代码', '509999'),
      withCell(companyRow(14), '行业代码', '9999'),
      withCell(companyRow(15), '信用风险等级', 'E'),
      withCell(companyRow(16), '对象类型', '公司'),
      withCell(companyRow(17), '名称', '名'.repeat(201)),
      withCell(companyRow(18), '对象编码', '产品:x'),
      withCell(companyRow(19), '统一社会信用代码', ''),
      withCell(companyRow(20), '登记状态', '停业'),
    ];
    const before = await countOf(db, 'targets');
    const out = await importCsv(rows);
    expect(out.written).toBe(false);
    expect(out.rejected).toBe(10);
    expect(out.accepted).toBe(1);
    expect(await countOf(db, 'targets')).toBe(before);
    const at = (row: number) => out.issues.filter((i) => i.row === row);
    expect(at(3)[0]).toMatchObject({ column: '统一社会信用代码', value: badCheck });
    expect(at(3)[0]?.messageZh).toMatch(/校验位错误/);
    expect(at(4)[0]?.messageZh).toMatch(/与第 2 行重复/);
    expect(at(5)[0]).toMatchObject({ column: '行政区划代码', value: '509999' });
    expect(at(5)[0]?.messageZh).toMatch(/GB\/T 2260/);
    expect(at(6)[0]).toMatchObject({ column: '行业代码' });
    expect(at(7)[0]).toMatchObject({ column: '信用风险等级', value: 'E' });
    expect(at(8)[0]).toMatchObject({ column: '对象类型', value: '公司' });
    expect(at(9)[0]?.messageZh).toMatch(/超过 200 个字符/);
    expect(at(10)[0]?.messageZh).toMatch(/只能填一个/);
    expect(at(11)[0]?.messageZh).toMatch(/须填一个/);
    expect(at(12)[0]).toMatchObject({ column: '登记状态', value: '停业' });
    for (const i of out.issues) {
      expect(i.messageEn.length).toBeGreaterThan(3);
    }
  });

  it('valid-only writes the good rows and audits the choice', async () => {
    const auditBefore = await countOf(db, 'audit_log');
    const out = await importCsv(
      [companyRow(30), withCell(companyRow(31), '信用风险等级', 'X'), companyRow(32)],
      { mode: 'valid-only' },
    );
    expect(out).toMatchObject({ accepted: 2, rejected: 1, added: 2, written: true });
    expect(await countOf(db, 'audit_log')).toBe(auditBefore + 1);
    const a = await queryOne(
      db.db,
      sql`SELECT action, after->>'mode' AS mode FROM audit_log ORDER BY seq DESC LIMIT 1`,
      z.object({ action: z.string(), mode: z.string() }),
    );
    expect(a).toEqual({ action: 'import.targets', mode: 'valid-only' });
  });

  it('dry-run counts but writes nothing', async () => {
    const before = await countOf(db, 'targets');
    const out = await importCsv([companyRow(40), companyRow(30)], { dryRun: true });
    expect(out).toMatchObject({ added: 1, unchanged: 1, written: false });
    expect(await countOf(db, 'targets')).toBe(before);
  });

  it('cancellation rolls back everything', async () => {
    const before = await countOf(db, 'targets');
    const ac = new AbortController();
    const rows = Array.from({ length: 300 }, (_, i) => companyRow(1000 + i));
    const out = await importCsv(rows, {
      signal: ac.signal,
      batchSize: 50,
      cacheRows: 0,
      // one pass stages each batch as it is validated, so 100 rows validated are 100 rows written
      onProgress: (p) => {
        if ((p.phase === 'writing' || engine === 'postgres') && p.processed >= 100) {
          ac.abort();
        }
      },
    });
    expect(out).toMatchObject({ cancelled: true, written: false });
    expect(await countOf(db, 'targets')).toBe(before);
  });

  it('reads GBK, UTF-8 with BOM and xlsx; accepts columns in any order and absent optional ones', async () => {
    const gbk = await runImport(
      db.db,
      targetImportSpec,
      bufferSource('g.csv', csvBytes([TEMPLATE_HEADER, companyRow(50, '重庆华为测试有限公司')], 'gbk')),
      base,
    );
    expect(gbk.ok && gbk.value.added).toBe(1);
    const bom = await runImport(
      db.db,
      targetImportSpec,
      bufferSource('b.csv', csvBytes([TEMPLATE_HEADER, companyRow(51)], 'bom')),
      base,
    );
    expect(bom.ok && bom.value.added).toBe(1);
    const x = await runImport(
      db.db,
      targetImportSpec,
      bufferSource(
        'x.xlsx',
        await xlsxBytes([
          ['对象类型', '名称', '统一社会信用代码', '行政区划代码'],
          ['企业', '重庆xlsx有限公司', uscc(52), '500112'],
        ]),
      ),
      base,
    );
    expect(x.ok && x.value.added).toBe(1);
    const r = await queryOne(
      db.db,
      sql`SELECT name FROM targets WHERE id = ${uscc(50)}`,
      z.object({ name: z.string() }),
    );
    expect(r?.name).toBe('重庆华为测试有限公司');
  });

  it('refuses .xls, a missing required column, and an empty file with a clear error', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const xls = await runImport(db.db, targetImportSpec, bufferSource('old.xls', ole), base);
    expect(!xls.ok && xls.error.messageZh).toMatch(/\.xlsx/);
    const missing = await runImport(
      db.db,
      targetImportSpec,
      bufferSource(
        'm.csv',
        csvBytes([
          ['统一社会信用代码', '名称', '对象类型'],
          [uscc(60), 'x', '企业'],
        ]),
      ),
      base,
    );
    expect(!missing.ok && missing.error.messageZh).toMatch(/缺少必填列「行政区划代码」/);
    const empty = await runImport(db.db, targetImportSpec, bufferSource('e.csv', Buffer.alloc(0)), base);
    expect(empty.ok).toBe(false);
  });
});

describe('xlsx streaming keeps Chinese characters split across chunks', () => {
  it('re-chunks on UTF-8 boundaries', async () => {
    const { utf8Aligned } = await import('../../src/contexts/platform/sheets/xlsx-utf8');
    const bytes = Buffer.from('在营企业'.repeat(50));
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) {
      chunks.push(bytes.subarray(i, i + 7));
    }
    const out: string[] = [];
    for await (const c of utf8Aligned(
      (async function* () {
        yield* chunks;
      })(),
    )) {
      out.push(c.toString('utf8'));
    }
    expect(out.join('')).toBe('在营企业'.repeat(50));
    expect(out.every((s) => !s.includes('\uFFFD'))).toBe(true);
  });

  it('a 6 000-row xlsx of Chinese names validates cleanly (pglite)', async () => {
    const base: ImportOptions = { mode: 'all-or-nothing', dryRun: false, ctx: cliContext() };
    const db = await freshDatabase('pglite');
    try {
      const rows = Array.from({ length: 6000 }, (_, i) =>
        companyRow(5000 + i, `重庆市渝北区华为鑫隆盛达商贸有限公司第${i}分店`),
      );
      const r = await runImport(
        db.db,
        targetImportSpec,
        bufferSource('big.xlsx', await xlsxBytes([TEMPLATE_HEADER, ...rows])),
        { ...base, dryRun: true },
      );
      expect(r.ok && r.value.issues).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
