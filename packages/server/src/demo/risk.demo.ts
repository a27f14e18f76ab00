/**
 * Deterministic credit-risk facts for the demo targets (issue 6): registration date, abnormal
 * list, penalties, complaints and overdue annual reports, drawn from a seeded PRNG per target
 * and leaning towards each target's demo tier so that a scoring run gives a plausible spread.
 * Imported demo tiers are also recorded in target_imported_tiers, kept apart from computed ones.
 */
import type { Db } from '../db/client';
import { targetImportedTiers, targetRiskFacts } from '../db/schema';
import type { DemoData, DemoTarget, RiskTier } from './demo.types';
import { createRng } from './prng';

const CHUNK = 2000;

/** How likely each fact is for a target of a tier (abnormal, penalty, complaint, overdue report). */
const ODDS: Readonly<
  Record<RiskTier, { abnormal: number; penalty: number; complaint: number; overdue: number }>
> = {
  A: { abnormal: 0, penalty: 0.02, complaint: 0.05, overdue: 0.01 },
  B: { abnormal: 0.02, penalty: 0.15, complaint: 0.3, overdue: 0.08 },
  C: { abnormal: 0.25, penalty: 0.6, complaint: 0.5, overdue: 0.3 },
  D: { abnormal: 0.7, penalty: 0.9, complaint: 0.7, overdue: 0.5 },
};

/** The demo facts of one target (pure: the same target always gets the same facts). */
export function demoRiskFacts(seed: string, t: DemoTarget) {
  const rng = createRng(`${seed}/risk/${t.id}`);
  const o = ODDS[t.creditTier];
  return {
    targetId: t.id,
    registeredOn: t.registeredOn,
    abnormalListed: rng.chance(o.abnormal),
    penalties3y: rng.chance(o.penalty) ? 1 + rng.int(3) : 0,
    complaints12m: rng.chance(o.complaint) ? 1 + rng.int(6) : 0,
    annualReportOverdue: rng.chance(o.overdue),
  };
}

/** Insert the risk facts of every demo target, and the demo's imported tiers, inside the seeding transaction. */
export async function seedRiskFacts(tx: Db, data: DemoData): Promise<{ facts: number; imported: number }> {
  const facts = data.targets.filter((t) => t.uscc !== null).map((t) => demoRiskFacts(data.seed, t));
  for (let i = 0; i < facts.length; i += CHUNK) {
    await tx.insert(targetRiskFacts).values(facts.slice(i, i + CHUNK));
  }
  const imported = data.targets
    .filter((t) => t.creditTierSource === 'imported')
    .map((t) => ({
      targetId: t.id,
      tier: t.creditTier,
      ratedOn: t.creditTierDate,
      source: '全国企业信用风险分类（演示）',
      importedAt: new Date(`${t.creditTierDate}T00:00:00Z`),
    }));
  for (let i = 0; i < imported.length; i += CHUNK) {
    await tx.insert(targetImportedTiers).values(imported.slice(i, i + CHUNK));
  }
  return { facts: facts.length, imported: imported.length };
}
