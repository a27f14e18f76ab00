/**
 * The credit-risk facts import spec (issue 6): row validation against hand-written cases, then
 * (on both engines) the database checks — unknown target, region — and the upsert's blank-cell
 * semantics (a blank keeps the stored fact) with its added / updated / unchanged counts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../src/contexts/platform/auth/actor';
import type { Database } from '../../src/db/client';
import type { RiskFactsWrite } from '../../src/contexts/risk/risk.repo';
import { queryOne } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import type { ImportContext } from '../../src/contexts/platform/sheets/import-spec';
import { riskFactsImportSpec } from '../../src/contexts/risk/imports/risk-facts.import';
import { insertRiskTargets, riskUscc } from '../support/risk-fixtures';
import { cliContext } from './helpers';

const ctx = cliContext(); // 2026-11-20 in China
const U1 = riskUscc(1);
const BAD_CHECK = `${U1.slice(0, 17)}${U1.endsWith('0') ? '1' : '0'}`;

type Raw = Partial<Record<string, string>>;

function parse(raw: Raw, row = 2) {
  const full: Record<string, string> = {};
  for (const h of riskFactsImportSpec.headers) {
    full[h.key] = raw[h.key] ?? '';
  }
  return riskFactsImportSpec.parseRow(full, row, ctx);
}

function issuesOf(raw: Raw, row = 2) {
  const r = parse(raw, row);
  if (r.ok) {
    throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  }
  return r.error;
}

describe('risk facts row validation', () => {
  it('parses a complete row', () => {
    expect(
      parse({
        uscc: ` ${U1} `,
        registeredOn: '2019/3/5',
        abnormalListed: '是',
        penalties3y: '2',
        complaints12m: '0',
        annualReportOverdue: 'N',
        dataDate: '20261031',
      }),
    ).toEqual({
      ok: true,
      value: {
        targetId: U1,
        registeredOn: '2019-03-05',
        abnormalListed: true,
        penalties3y: 2,
        complaints12m: 0,
        annualReportOverdue: false,
        dataDate: '2026-10-31',
      },
    });
  });

  it('identifies by the target code (主体ID) when there is no USCC; blank cells mean keep (null)', () => {
    expect(parse({ code: '产品:批次-2026-001', penalties3y: '1' })).toEqual({
      ok: true,
      value: {
        targetId: '产品:批次-2026-001',
        registeredOn: null,
        abnormalListed: null,
        penalties3y: 1,
        complaints12m: null,
        annualReportOverdue: null,
        dataDate: null,
      },
    });
  });

  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['false', false],
    ['yes', true],
  ])('reads the yes/no cell %s as %s', (cell, want) => {
    const r = parse({ uscc: U1, abnormalListed: cell, annualReportOverdue: cell });
    expect(r.ok && [r.value.abnormalListed, r.value.annualReportOverdue]).toEqual([want, want]);
  });

  it.each(['有', '2', '√', 'x', '是的'])('rejects the yes/no cell %s naming the column', (cell) => {
    const issues = issuesOf({ uscc: U1, abnormalListed: cell }, 7);
    expect(issues).toEqual([
      {
        row: 7,
        field: 'abnormalListed',
        value: cell,
        messageZh: `「是否列入经营异常名录」应填 是/否（或 Y/N、1/0、true/false），不能是「${cell}」`,
        messageEn: `On the abnormal-operations list must be yes/no (是/否, Y/N, 1/0, true/false), not '${cell}'`,
      },
    ]);
  });

  it('rejects negative, fractional, non-numeric and absurd counts', () => {
    expect(issuesOf({ uscc: U1, penalties3y: '-1' })).toEqual([
      {
        row: 2,
        field: 'penalties3y',
        value: '-1',
        messageZh: '「近三年行政处罚次数」不能为负数',
        messageEn: 'Administrative penalties (3 years) cannot be negative',
      },
    ]);
    for (const bad of ['1.5', '三', '100001', '1e3']) {
      const [i] = issuesOf({ uscc: U1, complaints12m: bad });
      expect(i).toMatchObject({
        field: 'complaints12m',
        value: bad,
        messageZh: '「近一年投诉举报次数」应为 0–100000 之间的整数',
      });
    }
    const ok = parse({ uscc: U1, complaints12m: '100000' });
    expect(ok.ok && ok.value.complaints12m).toBe(100000);
  });

  it('rejects bad and future dates and a registration after the data date', () => {
    expect(issuesOf({ uscc: U1, registeredOn: '2026-02-30' })).toEqual([
      {
        row: 2,
        field: 'registeredOn',
        value: '2026-02-30',
        messageZh: '日期「2026-02-30」无效，应为 YYYY-MM-DD',
        messageEn: "invalid date '2026-02-30', expected YYYY-MM-DD",
      },
    ]);
    expect(issuesOf({ uscc: U1, penalties3y: '0', dataDate: '2026-11-21' })).toEqual([
      {
        row: 2,
        field: 'dataDate',
        value: '2026-11-21',
        messageZh: '「数据日期」不能晚于今天',
        messageEn: 'Data date cannot be in the future',
      },
    ]);
    expect(issuesOf({ uscc: U1, registeredOn: '2026-10-01', dataDate: '2026-09-30' })).toEqual([
      expect.objectContaining({
        field: 'registeredOn',
        messageZh: '成立日期不能晚于数据日期（2026-09-30）',
      }),
    ]);
    // today is fine
    expect(parse({ uscc: U1, registeredOn: '2026-11-20' }).ok).toBe(true);
  });

  it('needs an identification and at least one fact', () => {
    expect(issuesOf({ penalties3y: '1' })).toEqual([
      expect.objectContaining({
        field: 'uscc',
        messageZh: '统一社会信用代码与对象编码（主体ID）至少填写一项',
      }),
    ]);
    const [noFacts] = issuesOf({ uscc: U1, dataDate: '2026-10-31' });
    expect(noFacts).toMatchObject({ field: 'uscc', value: U1 });
    expect(noFacts?.messageZh).toContain('至少填写一项信用风险信息');
    expect(issuesOf({ uscc: BAD_CHECK, penalties3y: '1' })[0]).toMatchObject({
      field: 'uscc',
      messageZh: expect.stringContaining('校验位错误') as unknown,
    });
  });

  it('reports every bad cell of a row at once', () => {
    const issues = issuesOf(
      { uscc: U1, abnormalListed: '?', penalties3y: '-2', complaints12m: 'x', dataDate: '2026-13-01' },
      9,
    );
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [9, 'abnormalListed'],
      [9, 'penalties3y'],
      [9, 'complaints12m'],
      [9, 'dataDate'],
    ]);
  });
});

const factsRow = z.object({
  registered_on: z.string().nullable(),
  abnormal_listed: z.boolean(),
  penalties_3y: z.number(),
  complaints_12m: z.number(),
  annual_report_overdue: z.boolean(),
  data_date: z.string().nullable(),
});

function write(targetId: string, facts: Partial<Omit<RiskFactsWrite, 'targetId'>>): RiskFactsWrite {
  return {
    targetId,
    registeredOn: null,
    abnormalListed: null,
    penalties3y: null,
    complaints12m: null,
    annualReportOverdue: null,
    dataDate: null,
    ...facts,
  };
}

function actorIn(departmentCode: string, roles: Actor['roles']): ImportContext {
  const actor: Actor = {
    userId: 'u',
    username: 'u',
    displayName: 'u',
    departmentCode,
    regionCode: departmentCode.slice(0, 6),
    roles,
    sessionId: 's',
  };
  return { audit: { actor, requestId: null }, now: ctx.now };
}

describe.each(ENGINES)('risk facts checks and upsert on %s', (engine) => {
  let database: Database;
  const A = riskUscc(1);
  const B = riskUscc(2);
  const OTHER = riskUscc(3, '500103');
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await insertRiskTargets(database, [
      {
        id: A,
        facts: { registeredOn: '2015-01-01', abnormalListed: true, penalties3y: 2, complaints12m: 4 },
      },
      { id: B },
      { id: OTHER, division: '500103' },
    ]);
  });
  afterAll(async () => {
    await database.close();
  });

  const factsOf = async (id: string) =>
    queryOne(
      database.db,
      sql`SELECT registered_on::text AS registered_on, abnormal_listed, penalties_3y, complaints_12m,
            annual_report_overdue, data_date::text AS data_date FROM target_risk_facts WHERE target_id = ${id}`,
      factsRow,
    );

  it('names unknown targets and targets outside the importer’s region', async () => {
    const check = async (
      rows: Parameters<NonNullable<typeof riskFactsImportSpec.checkBatch>>[1],
      c: ImportContext,
    ) => {
      if (riskFactsImportSpec.checkBatch === undefined) {
        throw new Error('no checkBatch');
      }
      return riskFactsImportSpec.checkBatch(database.db, rows, c);
    };
    const rows = [
      { row: write(A, { penalties3y: 1 }), rowNumber: 2 },
      { row: write(riskUscc(99), { penalties3y: 1 }), rowNumber: 3 },
      { row: write('产品:无此批次', { penalties3y: 1 }), rowNumber: 4 },
      { row: write(OTHER, { penalties3y: 1 }), rowNumber: 5 },
    ];
    const yubei = await check(rows, actorIn('500112-SCJG', ['dept_admin']));
    expect(yubei.map((i) => [i.row, i.field, i.messageZh])).toEqual([
      [3, 'uscc', '检查对象名录库中没有该对象'],
      [4, 'code', '检查对象名录库中没有该对象'],
      [5, 'uscc', expect.stringContaining('500103 不在本辖区') as unknown],
    ]);
    expect(yubei[0]?.messageEn).toBe('no such target in the target library');
    // a civil-affairs admin of the same region may not; the city's market regulator may
    const mz = await check(rows.slice(0, 1), actorIn('500112-MZ', ['dept_admin']));
    expect(mz).toHaveLength(1);
    const city = await check(
      [rows[0], rows[3]].flatMap((r) => (r ? [r] : [])),
      actorIn('500000-SCJG', ['dept_admin']),
    );
    expect(city).toEqual([]);
  });

  it('keeps stored facts for blank cells, adds new rows with defaults, and counts changes', async () => {
    const c1 = await riskFactsImportSpec.upsert(
      database.db,
      [
        write(A, { penalties3y: 0, annualReportOverdue: true, dataDate: '2026-10-31' }),
        write(B, { complaints12m: 3 }),
      ],
      ctx,
    );
    expect(c1).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(await factsOf(A)).toEqual({
      registered_on: '2015-01-01',
      abnormal_listed: true,
      penalties_3y: 0,
      complaints_12m: 4,
      annual_report_overdue: true,
      data_date: '2026-10-31',
    });
    expect(await factsOf(B)).toEqual({
      registered_on: null,
      abnormal_listed: false,
      penalties_3y: 0,
      complaints_12m: 3,
      annual_report_overdue: false,
      data_date: null,
    });
    // the same facts again change nothing; a new value for one fact updates only that fact
    const c2 = await riskFactsImportSpec.upsert(
      database.db,
      [write(A, { penalties3y: 0 }), write(B, { abnormalListed: true })],
      ctx,
    );
    expect(c2).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(await factsOf(B)).toMatchObject({ abnormal_listed: true, complaints_12m: 3 });
  });
});
