/**
 * Deterministic credit-risk facts for the demo targets (issue 6): registration date, abnormal
 * list, penalties, complaints and overdue annual reports, drawn from a seeded PRNG per target
 * and leaning towards each target's demo tier so that a scoring run gives a plausible spread.
 * Imported demo tiers are also recorded in target_imported_tiers, kept apart from computed ones.
 */
import { randomBytes } from 'node:crypto';
import { alertExpiresAt, type AlertType } from '@openssj/core';
import type { Db } from '../db/client';
import { alertSources, riskAlerts, targetImportedTiers, targetRiskFacts } from '../db/schema';
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

/** The demo's partner sources (issue 16): kitchen cameras and smart elevators in the demo district. */
const DEMO_SOURCES = [
  { id: 'mclz-demo', name: '明厨亮灶 AI 监控平台（演示）', kind: 'kitchen' },
  { id: 'lift-demo', name: '智慧电梯监测平台（演示）', kind: 'elevator' },
] as const;
const DEMO_ALERT_DEPARTMENT = '500112-SCJG';
const KITCHEN_TYPES = ['no_mask', 'no_hat', 'uncovered_bin', 'rodent'] as const;
const LIFT_TYPES = [
  'maintenance_overdue',
  'inspection_overdue',
  'correction_overdue',
  'emergency_rescue',
  'ebike_in_car',
] as const;

/**
 * Risk alerts over the 20 days before `now`: kitchen alerts on catering businesses (GB/T 4754
 * 62) and elevator alerts on other firms of the district, most waiting for triage, some
 * verified or dismissed. The sources' keys are random: an admin issues a new one to use them.
 */
export async function seedRiskAlerts(tx: Db, data: DemoData, now: Date): Promise<number> {
  const rng = createRng(`${data.seed}/alerts`);
  const inDistrict = data.targets.filter(
    (t) => t.uscc !== null && t.status === '在营' && t.divisionCode.startsWith('500112'),
  );
  const catering = inDistrict.filter((t) => t.industryCode?.startsWith('62') === true).slice(0, 12);
  const others = inDistrict.filter((t) => t.industryCode?.startsWith('62') !== true).slice(0, 6);
  await tx.insert(alertSources).values(
    DEMO_SOURCES.map((s) => ({
      ...s,
      departmentCode: DEMO_ALERT_DEPARTMENT,
      secret: randomBytes(32).toString('base64url'),
      createdBy: 'demo',
      createdAt: new Date(now.getTime() - 30 * 86_400_000),
    })),
  );
  const rows: (typeof riskAlerts.$inferInsert)[] = [];
  const add = (sourceId: string, type: AlertType, t: DemoTarget, n: number, equipmentId: string | null) => {
    const occurredAt = new Date(now.getTime() - rng.range(1, 20 * 24) * 3_600_000);
    const status = rng.weighted<'new' | 'verified' | 'dismissed'>([
      ['new', 6],
      ['verified', 2],
      ['dismissed', 1],
    ]);
    rows.push({
      sourceId,
      idempotencyKey: `${sourceId}-${n.toString().padStart(4, '0')}`,
      alertType: type,
      occurredAt,
      receivedAt: new Date(occurredAt.getTime() + rng.range(5, 120) * 1000),
      uscc: t.uscc,
      equipmentId,
      targetId: t.id,
      location:
        equipmentId === null ? rng.pick(['后厨操作间', '粗加工区', '餐具清洗间']) : `${rng.range(1, 6)} 号梯`,
      detail: null,
      status,
      triageReason: status === 'dismissed' ? '复核视频为误报' : null,
      triagedBy: status === 'new' ? null : 'admin',
      triagedAt: status === 'new' ? null : new Date(occurredAt.getTime() + 86_400_000),
      expiresAt: alertExpiresAt(type, occurredAt.toISOString()),
    });
  };
  let n = 0;
  for (const t of catering) {
    for (let k = rng.range(1, 3); k > 0; k--) {
      add('mclz-demo', rng.pick(KITCHEN_TYPES), t, ++n, null);
    }
  }
  for (const t of others) {
    add(
      'lift-demo',
      rng.pick(LIFT_TYPES),
      t,
      ++n,
      `3110${rng.range(10_000_000, 99_999_999)}${rng.range(10_000_000, 99_999_999)}`,
    );
  }
  if (rows.length > 0) {
    await tx.insert(riskAlerts).values(rows);
  }
  return rows.length;
}
