/**
 * The item and inspector import specs on both engines: parseRow for every rule, checkBatch
 * against the database, upsert counts and versions, and a run through the import runner.
 */
import type { FieldIssue } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../src/db/client';
import { findItemsByCodes, listItemVersions } from '../../src/contexts/library/item.repo';
import { findInspector } from '../../src/contexts/library/inspector.repo';
import { queryOne } from '../../src/db/sql';
import { inTransaction } from '../../src/db/tx';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { runImport } from '../../src/contexts/platform/sheets/import-runner';
import type { ImportContext } from '../../src/contexts/platform/sheets/import-spec';
import {
  inspectorImportSpec,
  type InspectorImportRow,
} from '../../src/contexts/library/imports/inspector.import';
import { INSPECTOR_HEADERS } from '../../src/contexts/library/imports/inspector-headers';
import {
  ITEM_HEADERS,
  itemImportSpec,
  type ItemImportRow,
} from '../../src/contexts/library/imports/item.import';
import { bufferSource } from '../../src/contexts/platform/sheets/sheet-reader';
import { csvBytes } from '../imports/helpers';
import { loadFixtures, DEPT_A, DEPT_B } from '../support/fixtures';

const ctx: ImportContext = { audit: { actor: null, requestId: null }, now: new Date('2026-11-20T02:00:00Z') };
const adminB: ImportContext = {
  audit: {
    actor: {
      userId: 'u',
      username: 'admin_b',
      displayName: 'b',
      departmentCode: DEPT_B,
      regionCode: '500103',
      roles: ['dept_admin'],
      sessionId: 's',
    },
    requestId: null,
  },
  now: ctx.now,
};

const ITEM_ROW = {
  departmentCode: DEPT_A,
  code: 'SX001',
  name: '营业执照规范使用情况的检查',
  priority: '一般',
  ratioCap: '10%',
  method: '实地核查',
  legalBasis: '《企业信息公示暂行条例》第十四条',
  targetTypes: '企业、个体工商户',
};
const INSPECTOR_ROW = {
  badgeNo: '50011220260001',
  name: '张三',
  departmentCode: DEPT_A,
  unitCode: '两路市场监管所',
  regionCode: '500112',
  qualifications: '行政执法证、食品检查员',
  qualificationExpiry: '2028-12-31、2027/6/30',
  specialties: '食品安全；特种设备',
  expert: '否',
  capacity: '30',
};

function issuesOf<T>(r: { ok: true; value: T } | { ok: false; error: FieldIssue[] }): FieldIssue[] {
  return r.ok ? [] : r.error;
}
const fieldsOf = (issues: readonly FieldIssue[]) => issues.map((i) => i.field).sort();

describe('item parseRow', () => {
  const parse = (patch: Partial<typeof ITEM_ROW>, row = 2) =>
    itemImportSpec.parseRow({ ...ITEM_ROW, ...patch }, row, ctx);

  it('has the template headers in order', () => {
    expect(ITEM_HEADERS.map((h) => h.zh).join(', ')).toBe(
      '部门, 事项编码, 事项名称, 事项类别, 抽查比例上限, 检查方式, 法律依据, 对象类型',
    );
  });

  it('parses a good row into canonical values', () => {
    const r = parse({});
    expect(r.ok && r.value).toEqual({
      ...ITEM_ROW,
      priority: 'general',
      ratioCap: '0.1',
      method: 'onsite',
      targetTypes: ['企业', '个体工商户'],
    });
    expect(parse({ ratioCap: '' }).ok && parse({ ratioCap: '' })).toMatchObject({
      value: { ratioCap: null },
    });
    expect(parse({ priority: '重点', ratioCap: '' }).ok).toBe(true);
  });

  it('reports row, column, value and bilingual reason for every bad cell at once', () => {
    const issues = issuesOf(
      parse(
        {
          departmentCode: 'SCJG',
          priority: '普通',
          method: '电话',
          targetTypes: '企业、公司',
          name: '名'.repeat(101),
        },
        7,
      ),
    );
    expect(fieldsOf(issues)).toEqual(['departmentCode', 'method', 'name', 'priority', 'targetTypes']);
    for (const i of issues) {
      expect(i.row).toBe(7);
      expect(i.messageZh.length).toBeGreaterThan(0);
      expect(i.messageEn.length).toBeGreaterThan(0);
    }
    expect(issues.find((i) => i.field === 'targetTypes')?.value).toBe('公司');
  });

  it('rejects a cap on a key item, a non-canonical-able cap, blank required cells, codes with spaces and long fields', () => {
    expect(fieldsOf(issuesOf(parse({ priority: '重点', ratioCap: '10%' })))).toEqual(['ratioCap']);
    expect(fieldsOf(issuesOf(parse({ ratioCap: '十个百分点' })))).toEqual(['ratioCap']);
    expect(fieldsOf(issuesOf(parse({ ratioCap: '120%' })))).toEqual(['ratioCap']);
    expect(fieldsOf(issuesOf(parse({ code: '', name: '', legalBasis: '' })))).toEqual([
      'code',
      'legalBasis',
      'name',
    ]);
    expect(fieldsOf(issuesOf(parse({ code: 'SX 1' })))).toEqual(['code']);
    expect(fieldsOf(issuesOf(parse({ code: 'S'.repeat(41), legalBasis: '法'.repeat(2001) })))).toEqual([
      'code',
      'legalBasis',
    ]);
  });
});

describe('inspector parseRow', () => {
  const parse = (patch: Partial<typeof INSPECTOR_ROW>, row = 2) =>
    inspectorImportSpec.parseRow({ ...INSPECTOR_ROW, ...patch }, row, ctx);

  it('has the template headers in order', () => {
    expect(INSPECTOR_HEADERS.map((h) => h.zh).join(', ')).toBe(
      '执法证号, 姓名, 部门, 所属单位, 行政区划代码, 执法资格, 执法资格有效期, 业务专长, 是否专家, 单次任务上限',
    );
  });

  it('parses a good row, pairing qualifications and expiries', () => {
    const r = parse({});
    expect(r.ok && r.value.data).toMatchObject({
      badgeNo: '50011220260001',
      qualifications: [
        { type: '行政执法证', expiresOn: '2028-12-31' },
        { type: '食品检查员', expiresOn: '2027-06-30' },
      ],
      specialties: ['食品安全', '特种设备'],
      capacity: 30,
      expert: false,
    });
  });

  it('accepts an expert without a badge (or with their library id) and rejects an officer without one', () => {
    const e = parse({ badgeNo: '', expert: '是' });
    expect(e.ok && inspectorImportSpec.keyOf(e.value)).toBe(`专家:${DEPT_A}:张三`);
    const known = parse({ badgeNo: 'EXP-0007', expert: '是' });
    expect(known.ok && inspectorImportSpec.keyOf(known.value)).toBe('EXP-0007');
    expect(fieldsOf(issuesOf(parse({ badgeNo: '' })))).toEqual(['badgeNo']);
    expect(fieldsOf(issuesOf(parse({ badgeNo: 'X123', expert: '是' })))).toEqual(['badgeNo']);
  });

  it('rejects bad regions, expiry dates, capacities, yes/no values and mismatched qualifications', () => {
    expect(fieldsOf(issuesOf(parse({ regionCode: '500199' })))).toEqual(['regionCode']);
    expect(fieldsOf(issuesOf(parse({ qualificationExpiry: '2028-02-30、2027-06-30' })))).toEqual([
      'qualificationExpiry',
    ]);
    expect(fieldsOf(issuesOf(parse({ qualificationExpiry: '2028-12-31、2027-06-30、2029-01-01' })))).toEqual([
      'qualificationExpiry',
    ]);
    expect(fieldsOf(issuesOf(parse({ capacity: '0' })))).toEqual(['capacity']);
    expect(fieldsOf(issuesOf(parse({ capacity: 'many' })))).toEqual(['capacity']);
    expect(fieldsOf(issuesOf(parse({ expert: '也许' })))).toEqual(['expert']);
    expect(fieldsOf(issuesOf(parse({ name: '名'.repeat(51), specialties: '专'.repeat(31) })))).toEqual([
      'name',
      'specialties',
    ]);
  });
});

describe.each(ENGINES)('item and inspector imports on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await loadFixtures(database);
  });
  afterAll(async () => {
    await database.close();
  });

  const itemRow = (patch: Partial<typeof ITEM_ROW> = {}): ItemImportRow => {
    const r = itemImportSpec.parseRow({ ...ITEM_ROW, ...patch }, 2, ctx);
    if (!r.ok) {
      throw new Error(JSON.stringify(r.error));
    }
    return r.value;
  };
  const upsertItems = async (rows: ItemImportRow[]) => {
    const r = await inTransaction(database.db, async (tx) => ({
      ok: true as const,
      value: await itemImportSpec.upsert(tx, rows, ctx),
    }));
    return r.ok ? r.value : null;
  };

  it('checks departments exist and that the caller may write them', async () => {
    const rows = [
      { row: itemRow(), rowNumber: 2 },
      { row: itemRow({ departmentCode: '500112-NOPE' }), rowNumber: 3 },
    ];
    const cli = (await itemImportSpec.checkBatch?.(database.db, rows, ctx)) ?? [];
    expect(cli.map((i) => [i.row, i.field])).toEqual([[3, 'departmentCode']]);
    const b = (await itemImportSpec.checkBatch?.(database.db, rows, adminB)) ?? [];
    expect(b.map((i) => i.row)).toEqual([2, 3]);
  });

  it('upserts items: added, then unchanged, then a new version for a change', async () => {
    expect(
      await upsertItems([
        itemRow(),
        itemRow({ code: 'SX002', ratioCap: '' }),
        itemRow({ code: 'SX003', priority: '重点', ratioCap: '' }),
      ]),
    ).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const found = await findItemsByCodes(database.db, [
      { departmentCode: DEPT_A, code: 'SX002' },
      { departmentCode: DEPT_A, code: 'SX003' },
    ]);
    expect(found.get(`${DEPT_A}|SX002`)?.version.ratioCap).toBe('0.1');
    expect(found.get(`${DEPT_A}|SX003`)?.version.ratioCap).toBe(null);
    expect(await upsertItems([itemRow(), itemRow({ code: 'SX002', ratioCap: '' })])).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await upsertItems([itemRow({ ratioCap: '5%' })])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const id =
      (await findItemsByCodes(database.db, [{ departmentCode: DEPT_A, code: 'SX001' }])).get(
        `${DEPT_A}|SX001`,
      )?.item.id ?? '';
    const versions = await listItemVersions(database.db, id);
    expect(versions.map((v) => [v.version, v.ratioCap, v.effectiveFrom])).toEqual([
      [2, '0.05', '2026-11-20'],
      [1, '0.1', '2026-11-20'],
    ]);
  });

  it('runs through the import runner: duplicate codes in a file are rejected and nothing is written', async () => {
    const header = ITEM_HEADERS.map((h) => h.zh);
    const cells = (p: Partial<typeof ITEM_ROW>) =>
      ITEM_HEADERS.map((h) => ({ ...ITEM_ROW, ...p })[h.key as keyof typeof ITEM_ROW]);
    const file = csvBytes([
      header,
      cells({ code: 'R1' }),
      cells({ code: 'R1' }),
      cells({ code: 'R2', method: '电话' }),
    ]);
    const r = await runImport(database.db, itemImportSpec, bufferSource('items.csv', file), {
      mode: 'all-or-nothing',
      dryRun: false,
      ctx,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({ written: false, rejected: 2, added: 0 });
      expect(r.value.issues.map((i) => [i.row, i.column])).toEqual([
        [3, '事项编码'],
        [4, '检查方式'],
      ]);
    }
    const ok = await runImport(
      database.db,
      itemImportSpec,
      bufferSource('items.csv', csvBytes([header, cells({ code: 'R1' })])),
      { mode: 'all-or-nothing', dryRun: false, ctx },
    );
    expect(ok.ok && ok.value).toMatchObject({ written: true, added: 1 });
  });

  it('checks inspector units, departments, known expert ids, and badges of another department', async () => {
    const parse = (patch: Partial<typeof INSPECTOR_ROW>): InspectorImportRow => {
      const r = inspectorImportSpec.parseRow({ ...INSPECTOR_ROW, ...patch }, 2, ctx);
      if (!r.ok) {
        throw new Error(JSON.stringify(r.error));
      }
      return r.value;
    };
    const rows = [
      parse({}),
      parse({ badgeNo: 'B2', unitCode: '不存在所' }),
      parse({ badgeNo: 'B3', departmentCode: '500112-NOPE' }),
      parse({ badgeNo: 'EXP-0099', expert: '是' }),
      parse({ badgeNo: 'B5', unitCode: `${DEPT_A}-S01` }),
    ].map((row, i) => ({ row, rowNumber: i + 2 }));
    const issues = (await inspectorImportSpec.checkBatch?.(database.db, rows, ctx)) ?? [];
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'unitCode'],
      [4, 'departmentCode'],
      [5, 'badgeNo'],
    ]);
    const up = await inTransaction(database.db, async (tx) => ({
      ok: true as const,
      value: await inspectorImportSpec.upsert(
        tx,
        [rows[0]?.row, rows[4]?.row, parse({ badgeNo: '', expert: '是', name: '王专家' })].filter(
          (x) => x !== undefined,
        ),
        ctx,
      ),
    }));
    expect(up.ok && up.value).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await findInspector(database.db, '50011220260001')).toMatchObject({
      unitCode: `${DEPT_A}-S01`,
      activeFrom: '2026-11-20',
      capacity: 30,
    });
    expect(await findInspector(database.db, 'EXP-0001')).toMatchObject({
      name: '王专家',
      expert: true,
      badgeNo: null,
    });
    const again = await inTransaction(database.db, async (tx) => ({
      ok: true as const,
      value: await inspectorImportSpec.upsert(
        tx,
        [
          parse({}),
          parse({ badgeNo: 'B5', unitCode: `${DEPT_A}-S01`, capacity: '5' }),
          parse({ badgeNo: '', expert: '是', name: '王专家' }),
        ],
        ctx,
      ),
    }));
    expect(again.ok && again.value).toEqual({ added: 0, updated: 1, unchanged: 2 });
    const moved =
      (await inspectorImportSpec.checkBatch?.(
        database.db,
        [{ row: parse({ departmentCode: DEPT_B, unitCode: '' }), rowNumber: 9 }],
        ctx,
      )) ?? [];
    expect(moved.map((i) => i.field)).toEqual(['badgeNo']);
    const audits = await queryOne(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspector.imported'`,
      z.object({ n: z.coerce.number() }),
    );
    expect(audits?.n).toBe(2);
  });
});
