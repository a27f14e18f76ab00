/**
 * Pure helpers of the settings screens (issue 6): which regions a user may pick and how they read
 * ("渝北区（500112）"), the criteria editor's form rows ⇄ the API's config (targets as percentages),
 * the server's field issues as form-field errors, and the changes a save would make.
 */
import {
  EVALUATION_CRITERIA,
  type EvaluationConfig,
  type EvaluationCriterion,
  type FieldIssue,
} from '@openssj/core';
import { ApiError } from '../../../api/errors';
import type { Role } from '../../../api/session-types';
import type { OrgRegion } from '../../../api/settings-types';

/** Does region `outer` contain `inner` (GB/T 2260: 500000 ⊃ 500100 ⊃ 500112)? As the server's divisionRange. */
export function regionContains(outer: string, inner: string): boolean {
  let p = outer;
  while (p.length > 2 && p.endsWith('00')) {
    p = p.slice(0, -2);
  }
  return inner.startsWith(p);
}

/** The regions a user may read settings of: all for system admins and auditors, else their own and those below. */
export function readableRegions(
  regions: readonly OrgRegion[],
  roles: readonly Role[],
  ownRegion: string,
): OrgRegion[] {
  const everywhere = roles.includes('system_admin') || roles.includes('auditor');
  return regions.filter((r) => everywhere || regionContains(ownRegion, r.code));
}

/** "渝北区（500112）", or the bare code of a region the org list does not know. */
export function regionName(regions: readonly OrgRegion[], code: string): string {
  const r = regions.find((x) => x.code === code);
  return r === undefined ? code : `${r.name}（${r.code}）`;
}

/** Select options: label "name（code）", searchable by name, full name or code. */
export function regionOptions(
  regions: readonly OrgRegion[],
): { value: string; label: string; search: string }[] {
  return regions.map((r) => ({
    value: r.code,
    label: `${r.name}（${r.code}）`,
    search: `${r.name} ${r.fullName} ${r.code}`,
  }));
}

/** One row of the criteria editor: the target is shown in per cent. */
export interface CriterionRow {
  readonly key: EvaluationCriterion | undefined;
  readonly weight: number | null;
  readonly targetPct: number | null;
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

/** The API config as editor rows. */
export function rowsOf(config: EvaluationConfig): CriterionRow[] {
  return config.criteria.map((c) => ({ key: c.key, weight: c.weight, targetPct: round(c.target * 100, 4) }));
}

/** The editor rows as the config to send (an empty field is sent as null, so the server check names it). */
export function configOf(rows: readonly CriterionRow[]): { criteria: unknown[] } {
  return {
    criteria: rows.map((r) => ({
      key: r.key ?? null,
      weight: r.weight,
      target: r.targetPct === null ? null : round(r.targetPct / 100, 6),
    })),
  };
}

/** The sum of the rows' weights. */
export function weightSum(rows: readonly CriterionRow[]): number {
  return round(
    rows.reduce((a, r) => a + (r.weight ?? 0), 0),
    4,
  );
}

/** The criteria not used by any row yet. */
export function unusedCriteria(rows: readonly CriterionRow[]): EvaluationCriterion[] {
  return EVALUATION_CRITERIA.filter((k) => !rows.some((r) => r.key === k));
}

/** A form field of the editor: ['criteria', 1, 'weight'] (the form list is named criteria, targets are targetPct). */
export type FieldPath = ['criteria', number, 'key' | 'weight' | 'targetPct'];

/** Where an issue lands: a row's field, or null for the whole list (shown above it). */
export function fieldOfIssue(field: string): FieldPath | null {
  const m = /^criteria\.(\d+)\.(key|weight|target)$/.exec(field);
  if (m === null) {
    return null;
  }
  const leaf = m[2] === 'target' ? 'targetPct' : m[2] === 'key' ? 'key' : 'weight';
  return ['criteria', Number(m[1]), leaf];
}

/** The field issues of a server refusal (`details.issues`), or none. */
export function serverIssues(e: unknown): FieldIssue[] {
  if (!(e instanceof ApiError) || typeof e.details !== 'object' || e.details === null) {
    return [];
  }
  const found: unknown = 'issues' in e.details ? e.details.issues : undefined;
  if (!Array.isArray(found)) {
    return [];
  }
  const list: unknown[] = found;
  const out: FieldIssue[] = [];
  for (const i of list) {
    if (
      typeof i === 'object' &&
      i !== null &&
      'field' in i &&
      'messageZh' in i &&
      'messageEn' in i &&
      typeof i.field === 'string' &&
      typeof i.messageZh === 'string' &&
      typeof i.messageEn === 'string'
    ) {
      out.push({ field: i.field, messageZh: i.messageZh, messageEn: i.messageEn });
    }
  }
  return out;
}

/** What a save changes, criterion by criterion, for the confirmation. */
export interface CriterionChange {
  readonly key: EvaluationCriterion;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: { readonly weight: number; readonly target: number } | null;
  readonly after: { readonly weight: number; readonly target: number } | null;
}

/** The differences between the criteria in force and the ones about to be saved. */
export function criteriaChanges(before: EvaluationConfig, after: EvaluationConfig): CriterionChange[] {
  const out: CriterionChange[] = [];
  for (const a of after.criteria) {
    const b = before.criteria.find((c) => c.key === a.key);
    const next = { weight: a.weight, target: a.target };
    if (b === undefined) {
      out.push({ key: a.key, kind: 'added', before: null, after: next });
    } else if (b.weight !== a.weight || b.target !== a.target) {
      out.push({ key: a.key, kind: 'changed', before: { weight: b.weight, target: b.target }, after: next });
    }
  }
  for (const b of before.criteria) {
    if (!after.criteria.some((c) => c.key === b.key)) {
      out.push({ key: b.key, kind: 'removed', before: { weight: b.weight, target: b.target }, after: null });
    }
  }
  return out;
}

/** The adjacent regions a save adds and removes. */
export function adjacencyChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((c) => !before.includes(c)).sort(),
    removed: before.filter((c) => !after.includes(c)).sort(),
  };
}

/** The regions that list `region` as adjacent (the other half of the symmetric setting, from the overview). */
export function listedBy(
  items: readonly { readonly regionCode: string; readonly adjacent: readonly string[] }[],
  region: string,
): string[] {
  return items.filter((i) => i.regionCode !== region && i.adjacent.includes(region)).map((i) => i.regionCode);
}
