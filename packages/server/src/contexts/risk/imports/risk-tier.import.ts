/**
 * External credit-risk tiers import (e.g. the national monthly A–D classification, issue 6):
 * template columns with Chinese headers, per-row validation, a check that each target exists
 * and lies in the importer's region, and a set-based upsert into target_imported_tiers that
 * also sets the effective tier where the region shows imported tiers (or none was computed).
 */
import {
  chinaDay,
  fieldIssue,
  parseDateCell,
  parseRiskTier,
  validateUscc,
  type FieldIssue,
} from '@openssj/core';
import { setEffective, targetDivisions, upsertImportedTiers, type ImportedTierWrite } from '../risk.repo';
import { modelResolver } from '../risk-config.service';
import type { HeaderSpec, ImportSpec } from '../../platform';
import { checkRiskTargets } from './risk-target-check';

/** The template's columns, in template order. */
export const RISK_TIER_HEADERS: readonly HeaderSpec[] = [
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
    aliases: ['编码', '对象标识'],
    example: '',
  },
  {
    key: 'tier',
    zh: '信用风险等级',
    en: 'Risk tier',
    required: true,
    aliases: ['风险等级', '信用风险分类', '信用等级', '分类结果'],
    example: 'B',
  },
  {
    key: 'ratedOn',
    zh: '评定日期',
    en: 'Rated on',
    required: true,
    aliases: ['分类日期', '评价日期', '日期'],
    example: '2026-10-31',
  },
  {
    key: 'source',
    zh: '来源',
    en: 'Source',
    required: false,
    aliases: ['数据来源', '分类来源'],
    example: '全国企业信用风险分类（月度）',
  },
];

/** Source recorded when the file leaves it empty. */
export const DEFAULT_TIER_SOURCE = '外部导入';
const SOURCE_MAX = 60;

function cell(raw: Readonly<Record<string, string>>, key: string): string {
  return (raw[key] ?? '').trim();
}

/** The external tiers import: headers, validation, checks and upsert. */
export const riskTierImportSpec: ImportSpec<ImportedTierWrite> = {
  kind: 'tiers',
  headers: RISK_TIER_HEADERS,
  parseRow(raw, row, ctx) {
    const issues: FieldIssue[] = [];
    let targetId = '';
    const uscc = cell(raw, 'uscc');
    const code = cell(raw, 'code');
    if (uscc !== '') {
      const u = validateUscc(uscc, { row, field: 'uscc' });
      if (u.ok) {
        targetId = u.value;
      } else {
        issues.push(u.error);
      }
    } else if (code !== '') {
      targetId = code;
    } else {
      issues.push(
        fieldIssue(
          { row, field: 'uscc' },
          '',
          '统一社会信用代码与对象编码至少填写一项',
          'give the USCC or the target code',
        ),
      );
    }
    const tierCell = cell(raw, 'tier');
    const tier = parseRiskTier(tierCell);
    if (tier === undefined) {
      issues.push(
        fieldIssue(
          { row, field: 'tier' },
          tierCell,
          '信用风险等级应为 A、B、C、D（或低风险、一般风险、较高风险、高风险）',
          'risk tier must be A, B, C or D (or its Chinese label)',
        ),
      );
    }
    const dateCell = cell(raw, 'ratedOn');
    const d = parseDateCell(dateCell, { row, field: 'ratedOn' });
    if (!d.ok) {
      issues.push(d.error);
    } else if (d.value > chinaDay(ctx.now)) {
      issues.push(
        fieldIssue(
          { row, field: 'ratedOn' },
          dateCell,
          '评定日期不能晚于今天',
          'the rating date cannot be in the future',
        ),
      );
    }
    const source = cell(raw, 'source') || DEFAULT_TIER_SOURCE;
    if ([...source].length > SOURCE_MAX) {
      issues.push(
        fieldIssue(
          { row, field: 'source' },
          source,
          `来源不能超过 ${SOURCE_MAX} 个字`,
          `source must have at most ${SOURCE_MAX} characters`,
        ),
      );
    }
    if (issues.length > 0 || tier === undefined || !d.ok) {
      return { ok: false, error: issues };
    }
    return { ok: true, value: { targetId, tier, ratedOn: d.value, source } };
  },
  keyOf: (row) => row.targetId,
  checkBatch: (db, rows, ctx) => checkRiskTargets(db, rows, ctx, { zh: '信用风险等级', en: 'tier' }),
  async upsert(tx, rows, ctx) {
    const c = await upsertImportedTiers(tx, rows, { jobId: null, at: ctx.now });
    const divisions = await targetDivisions(
      tx,
      rows.map((r) => r.targetId),
    );
    const resolve = await modelResolver(tx);
    await setEffective(
      tx,
      rows.map((r) => ({
        targetId: r.targetId,
        tier: r.tier,
        date: r.ratedOn,
        prefer: resolve(divisions.get(r.targetId) ?? '000000').config.effectiveSource === 'imported',
      })),
      'imported',
      chinaDay(ctx.now),
    );
    return { added: c.added, updated: c.updated, unchanged: rows.length - c.added - c.updated };
  },
};
