/**
 * Credit-risk facts import (issue 6): the score model's indicators that other systems hold —
 * 经营异常名录, 行政处罚, 投诉举报, 年报 — received as spreadsheets. Targets are identified as
 * in the external tiers import; a blank cell keeps the stored fact (a target without facts
 * takes the defaults: not listed, 0, not overdue). The facts count from the next scoring run.
 */
import {
  chinaDay,
  fieldIssue,
  parseDateCell,
  validateUscc,
  type FieldIssue,
  type Result,
} from '@openssj/core';
import { upsertRiskFacts, type RiskFactsWrite } from '../risk.repo';
import type { HeaderSpec, ImportSpec } from '../../platform';
import { checkRiskTargets } from './risk-target-check';

/** The template's columns, in template order. */
export const RISK_FACTS_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'USCC',
    required: false,
    aliases: ['信用代码', '社会信用代码', '统一代码'],
    example: '91500112MA5U7XX47L',
  },
  {
    key: 'code',
    zh: '对象编码',
    en: 'Target code',
    required: false,
    aliases: ['主体ID', '主体编号', '编码', '对象标识'],
    example: '',
  },
  {
    key: 'registeredOn',
    zh: '成立日期',
    en: 'Registered on',
    required: false,
    aliases: ['成立时间', '登记日期', '注册日期', '设立日期'],
    example: '2019-03-15',
  },
  {
    key: 'abnormalListed',
    zh: '是否列入经营异常名录',
    en: 'On the abnormal-operations list',
    required: false,
    aliases: ['经营异常名录', '列入经营异常名录', '异常名录'],
    example: '否',
  },
  {
    key: 'penalties3y',
    zh: '近三年行政处罚次数',
    en: 'Administrative penalties (3 years)',
    required: false,
    aliases: ['近3年行政处罚次数', '行政处罚次数', '处罚次数'],
    example: '1',
  },
  {
    key: 'complaints12m',
    zh: '近一年投诉举报次数',
    en: 'Complaints (12 months)',
    required: false,
    aliases: ['近1年投诉举报次数', '近12个月投诉举报次数', '投诉举报次数', '投诉次数'],
    example: '0',
  },
  {
    key: 'annualReportOverdue',
    zh: '年报是否逾期',
    en: 'Annual report overdue',
    required: false,
    aliases: ['年报逾期', '是否逾期年报', '年度报告是否逾期'],
    example: '否',
  },
  {
    key: 'dataDate',
    zh: '数据日期',
    en: 'Data date',
    required: false,
    aliases: ['统计日期', '截止日期', '数据截止日期'],
    example: '2026-10-31',
  },
];

/** The template's notes (说明 sheet): identification, accepted values and what a blank cell means. */
export const RISK_FACTS_NOTES: readonly string[] = [
  '按统一社会信用代码或对象编码（主体ID）匹配名录库中的对象，二者至少填写一项；名录库中没有的对象整行报错。',
  '空白单元格表示「不修改」：保留该对象已有的这一项信息；对象尚无信息时按默认值（未列入、0 次、未逾期、成立日期未知）。要清零请填 0 或 否。一个文件可以只含部分列，例如只有统一社会信用代码和年报是否逾期。',
  '是否列入经营异常名录、年报是否逾期：填 是/否、Y/N、1/0 或 true/false。处罚、投诉次数：0 或正整数。',
  '成立日期、数据日期：YYYY-MM-DD（也可 2026/10/31、20261031），不能晚于导入当天；成立日期不能晚于数据日期。每行至少填写一项信用风险信息。',
  '导入后信息在下一次信用风险评分（信用风险 → 重新评分）时计入；仅本辖区市场监管部门管理员或系统管理员可导入。',
  'Blank cells keep the stored value; facts count from the next scoring run. Yes/no cells take 是/否, Y/N, 1/0, true/false.',
];

/** Counts above this are taken for a typing error. */
export const RISK_FACTS_COUNT_MAX = 100_000;

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

function cell(raw: Readonly<Record<string, string>>, key: string): string {
  return (raw[key] ?? '').trim();
}

function headerOf(key: string): HeaderSpec {
  const h = RISK_FACTS_HEADERS.find((x) => x.key === key);
  if (h === undefined) {
    throw new Error(`bug: no header ${key}`);
  }
  return h;
}

/** A yes/no cell: blank = keep (null); 是/否, Y/N, 1/0, true/false. */
export function parseFactFlag(value: string, row: number, key: string): Result<boolean | null, FieldIssue> {
  const s = value.trim().toLowerCase();
  if (s === '') {
    return { ok: true, value: null };
  }
  if (YES.has(s)) {
    return { ok: true, value: true };
  }
  if (NO.has(s)) {
    return { ok: true, value: false };
  }
  const h = headerOf(key);
  return {
    ok: false,
    error: fieldIssue(
      { row, field: key },
      value,
      `「${h.zh}」应填 是/否（或 Y/N、1/0、true/false），不能是「${value}」`,
      `${h.en} must be yes/no (是/否, Y/N, 1/0, true/false), not '${value}'`,
    ),
  };
}

/** A count cell: blank = keep (null); otherwise a whole number from 0 to RISK_FACTS_COUNT_MAX. */
export function parseFactCount(value: string, row: number, key: string): Result<number | null, FieldIssue> {
  const s = value.trim();
  if (s === '') {
    return { ok: true, value: null };
  }
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (Number.isSafeInteger(n) && n <= RISK_FACTS_COUNT_MAX) {
    return { ok: true, value: n };
  }
  const h = headerOf(key);
  const negative = /^-\s*\d/.test(s);
  return {
    ok: false,
    error: fieldIssue(
      { row, field: key },
      value,
      negative ? `「${h.zh}」不能为负数` : `「${h.zh}」应为 0–${RISK_FACTS_COUNT_MAX} 之间的整数`,
      negative
        ? `${h.en} cannot be negative`
        : `${h.en} must be a whole number from 0 to ${RISK_FACTS_COUNT_MAX}`,
    ),
  };
}

/** A date cell: blank = keep (null); a valid date not after `today`. */
function parseFactDate(
  value: string,
  row: number,
  key: string,
  today: string,
): Result<string | null, FieldIssue> {
  if (value === '') {
    return { ok: true, value: null };
  }
  const d = parseDateCell(value, { row, field: key });
  if (!d.ok) {
    return d;
  }
  if (d.value > today) {
    const h = headerOf(key);
    return {
      ok: false,
      error: fieldIssue(
        { row, field: key },
        value,
        `「${h.zh}」不能晚于今天`,
        `${h.en} cannot be in the future`,
      ),
    };
  }
  return { ok: true, value: d.value };
}

/** The target id of a row, as the external tiers import identifies targets (USCC, else the target code). */
function targetIdOf(raw: Readonly<Record<string, string>>, row: number): Result<string, FieldIssue> {
  const uscc = cell(raw, 'uscc');
  if (uscc !== '') {
    return validateUscc(uscc, { row, field: 'uscc' });
  }
  const code = cell(raw, 'code');
  if (code !== '') {
    return { ok: true, value: code };
  }
  return {
    ok: false,
    error: fieldIssue(
      { row, field: 'uscc' },
      '',
      '统一社会信用代码与对象编码（主体ID）至少填写一项',
      'give the USCC or the target code',
    ),
  };
}

/** The risk facts import: headers, validation, checks and the set-based upsert. */
export const riskFactsImportSpec: ImportSpec<RiskFactsWrite> = {
  kind: 'risk-facts',
  headers: RISK_FACTS_HEADERS,
  notes: RISK_FACTS_NOTES,
  parseRow(raw, row, ctx) {
    const issues: FieldIssue[] = [];
    const take = <T>(r: Result<T, FieldIssue>): T | undefined => {
      if (r.ok) {
        return r.value;
      }
      issues.push(r.error);
      return undefined;
    };
    const today = chinaDay(ctx.now);
    const targetId = take(targetIdOf(raw, row));
    const registeredOn = take(parseFactDate(cell(raw, 'registeredOn'), row, 'registeredOn', today));
    const abnormalListed = take(parseFactFlag(cell(raw, 'abnormalListed'), row, 'abnormalListed'));
    const penalties3y = take(parseFactCount(cell(raw, 'penalties3y'), row, 'penalties3y'));
    const complaints12m = take(parseFactCount(cell(raw, 'complaints12m'), row, 'complaints12m'));
    const annualReportOverdue = take(
      parseFactFlag(cell(raw, 'annualReportOverdue'), row, 'annualReportOverdue'),
    );
    const dataDate = take(parseFactDate(cell(raw, 'dataDate'), row, 'dataDate', today));
    if (
      targetId === undefined ||
      registeredOn === undefined ||
      abnormalListed === undefined ||
      penalties3y === undefined ||
      complaints12m === undefined ||
      annualReportOverdue === undefined ||
      dataDate === undefined
    ) {
      return { ok: false, error: issues };
    }
    if (registeredOn !== null && dataDate !== null && registeredOn > dataDate) {
      issues.push(
        fieldIssue(
          { row, field: 'registeredOn' },
          cell(raw, 'registeredOn'),
          `成立日期不能晚于数据日期（${dataDate}）`,
          `the registration date cannot be after the data date (${dataDate})`,
        ),
      );
    }
    const facts = [registeredOn, abnormalListed, penalties3y, complaints12m, annualReportOverdue];
    if (facts.every((f) => f === null)) {
      issues.push(
        fieldIssue(
          { row, field: cell(raw, 'uscc') !== '' ? 'uscc' : 'code' },
          targetId,
          '至少填写一项信用风险信息（成立日期、是否列入经营异常名录、近三年行政处罚次数、近一年投诉举报次数、年报是否逾期）',
          'give at least one risk fact (registration date, abnormal list, penalties, complaints, annual report)',
        ),
      );
    }
    if (issues.length > 0) {
      return { ok: false, error: issues };
    }
    return {
      ok: true,
      value: {
        targetId,
        registeredOn,
        abnormalListed,
        penalties3y,
        complaints12m,
        annualReportOverdue,
        dataDate,
      },
    };
  },
  keyOf: (row) => row.targetId,
  // Same rule as the external tiers: the target exists and the importer may change risk data of its region.
  checkBatch: (db, rows, ctx) => checkRiskTargets(db, rows, ctx, { zh: '信用风险信息', en: 'risk facts' }),
  async upsert(tx, rows, ctx) {
    const c = await upsertRiskFacts(tx, rows, ctx.now);
    return { added: c.added, updated: c.updated, unchanged: rows.length - c.added - c.updated };
  },
};
