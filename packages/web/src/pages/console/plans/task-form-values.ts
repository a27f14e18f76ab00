/** The task form's values, their defaults from a task, and the request body they make. */
import { normalizeRatioCap, TARGET_STATUSES, TARGET_TYPES } from '@openssj/core';
import type { StratumSpec, TaskSpecBody, TaskView } from '../../../api/workflow-types';

export interface FormValues {
  title: string;
  participants: string[];
  itemIds: string[];
  mode: 'all' | 'tiers';
  all: number;
  A: number;
  B: number;
  C: number;
  D: number;
  windowStart: string;
  windowEnd: string;
  divisions: string[];
  industries: string[];
  tags: string[];
  types: string[];
  statuses: string[];
  claimedBy: string[];
  jurisdictionRule: boolean;
  crossRegion: boolean;
  /** Which tier the strata read: each target's effective tier, computed, or imported. */
  tierSource: 'effective' | 'computed' | 'imported';
}

export const TIERS = ['A', 'B', 'C', 'D'] as const;

/** Percent (as typed) → canonical ratio text, or null. */
function ratioOf(p: number | null | undefined): string | null {
  if (p === null || p === undefined || !(p > 0)) {
    return null;
  }
  const r = normalizeRatioCap(`${p}%`);
  return r.ok ? r.value : null;
}

function toPercent(ratio: string): number {
  return Number((Number(ratio) * 100).toFixed(6));
}

export function initial(task: TaskView | null, year: number): FormValues {
  const s = task?.strata ?? [];
  const tier = (n: string, d: number) => toPercent(s.find((x) => x.name === n)?.ratio ?? String(d / 100));
  return {
    title: task?.title ?? '',
    participants: task?.participants.map((p) => p.departmentCode) ?? [],
    itemIds: task?.items.map((i) => i.itemId) ?? [],
    mode: s.length > 1 ? 'tiers' : 'all',
    all: toPercent(s[0]?.ratio ?? '0.05'),
    A: tier('A', 2),
    B: tier('B', 3),
    C: tier('C', 5),
    D: tier('D', 10),
    windowStart: task?.windowStart ?? `${year}-03-01`,
    windowEnd: task?.windowEnd ?? `${year}-05-31`,
    divisions: task?.scope.divisions ?? [],
    industries: task?.scope.industries ?? [],
    tags: task?.scope.tags ?? [],
    types: task?.scope.types ?? [],
    statuses: task?.scope.statuses ?? ['在营'],
    claimedBy: task?.scope.claimedBy ?? [],
    jurisdictionRule: task?.jurisdictionRule ?? false,
    crossRegion: task?.crossRegion ?? false,
    tierSource: task?.tierSource ?? 'effective',
  };
}

/** Build the request body from the form (ratios from percentages, exactly). */
export function taskBodyOf(v: FormValues): TaskSpecBody | string {
  let strata: StratumSpec[];
  if (v.mode === 'all') {
    const r = ratioOf(v.all);
    if (r === null) {
      return 'all';
    }
    strata = [{ name: 'all', tiers: null, ratio: r, min: 0, max: null }];
  } else {
    strata = [];
    for (const t of TIERS) {
      const r = ratioOf(v[t]);
      if (r === null) {
        return t;
      }
      strata.push({ name: t, tiers: t === 'D' ? ['D', 'unrated'] : [t], ratio: r, min: 0, max: null });
    }
  }
  return {
    title: v.title,
    itemIds: v.itemIds,
    scope: {
      divisions: v.divisions,
      industries: v.industries,
      tags: v.tags,
      types: v.types.filter((x): x is (typeof TARGET_TYPES)[number] =>
        (TARGET_TYPES as readonly string[]).includes(x),
      ),
      statuses: v.statuses.filter((x): x is (typeof TARGET_STATUSES)[number] =>
        (TARGET_STATUSES as readonly string[]).includes(x),
      ),
      claimedBy: v.claimedBy,
    },
    strata,
    windowStart: v.windowStart,
    windowEnd: v.windowEnd,
    participants: v.participants,
    jurisdictionRule: v.jurisdictionRule,
    crossRegion: v.crossRegion,
    tierSource: v.mode === 'tiers' && v.tierSource !== 'effective' ? v.tierSource : null,
  };
}
