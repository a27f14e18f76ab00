/**
 * The kinds of spreadsheet import and their specs. Targets live here; inspectors and items
 * are written with the inspector and item libraries and registered on the same list.
 */
import type { ImportKind, ImportSpec } from '../../platform';
import { inspectorImportSpec } from './inspector.import';
import { itemImportSpec } from './item.import';
import { riskFactsImportSpec, riskTierImportSpec } from '../../risk';
import { targetImportSpec } from './target.import';

export const IMPORT_KINDS: readonly ImportKind[] = ['targets', 'inspectors', 'items', 'tiers', 'risk-facts'];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, { zh: string; en: string }>> = {
  targets: { zh: '检查对象名录库', en: 'target library' },
  inspectors: { zh: '执法检查人员名录库', en: 'inspector library' },
  items: { zh: '随机抽查事项清单', en: 'inspection item list' },
  tiers: { zh: '信用风险分类结果（外部）', en: 'external credit-risk tiers' },
  'risk-facts': {
    zh: '信用风险信息（异常名录、处罚、投诉、年报）',
    en: 'credit-risk facts (abnormal list, penalties, complaints, annual reports)',
  },
  // imported through /api/users/import (one-time passwords go back to the caller), not as a job
  accounts: { zh: '用户账号', en: 'user accounts' },
};

const SPECS: Partial<Record<ImportKind, ImportSpec<unknown>>> = {
  targets: targetImportSpec,
  inspectors: inspectorImportSpec,
  items: itemImportSpec,
  tiers: riskTierImportSpec,
  'risk-facts': riskFactsImportSpec,
};

/** The spec of an import kind, or undefined while that kind is not available yet. */
export function importSpecOf(kind: ImportKind): ImportSpec<unknown> | undefined {
  return SPECS[kind];
}
