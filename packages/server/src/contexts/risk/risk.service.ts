/**
 * Credit-risk views (issue 6): a target's tiers with the explanation of its score ("why is this
 * firm tier D?"), the tier distribution of a region, and the usage rate per department.
 */
import {
  domainError,
  err,
  expandContributions,
  ok,
  RISK_USAGE_GOAL,
  shareOf,
  storedContributionsSchema,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../platform';
import { tierDistribution, usageByDepartment } from './risk-metrics.repo';
import { activeAlertsOf } from './alerts/alert.repo';
import { findTargetRisk } from './risk.repo';
import { canReadRiskRegion, forbiddenRegion } from './risk-access';

const contributionSchema = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  units: z.number(),
  points: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  detailZh: z.string(),
  detailEn: z.string(),
});

/** A target's tiers and the explanation of its computed score. */
export const targetRiskViewSchema = z.object({
  targetId: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  status: z.string(),
  effective: z.object({
    tier: z.string().nullable(),
    source: z.string().nullable(),
    date: z.string().nullable(),
  }),
  computed: z
    .object({
      score: z.string(),
      tier: z.string(),
      asOf: z.string(),
      modelVersion: z.string(),
      computedAt: z.string(),
      contributions: z.array(contributionSchema),
    })
    .nullable(),
  imported: z
    .object({ tier: z.string(), ratedOn: z.string(), source: z.string(), importedAt: z.string() })
    .nullable(),
  /** Risk alerts in force now (issue 16): they make the 风险预警 tag and the riskAlerts indicator. */
  alerts: z.array(
    z.object({
      id: z.string(),
      sourceId: z.string(),
      sourceName: z.string(),
      type: z.string(),
      status: z.string(),
      occurredAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
});
export type TargetRiskView = z.infer<typeof targetRiskViewSchema>;

/** One target's tiers (effective, computed, imported) with the indicators behind the score. */
export async function explainTarget(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<TargetRiskView, DomainError>> {
  const r = await findTargetRisk(deps.database.db, id);
  if (r === undefined) {
    return err(domainError('NOT_FOUND', `检查对象不存在：${id}`, `no such target: ${id}`));
  }
  if (!canReadRiskRegion(actor, r.division_code)) {
    return err(forbiddenRegion(r.division_code, false));
  }
  const stored = storedContributionsSchema.safeParse(r.indicators);
  const computed =
    r.score !== null &&
    r.computed_tier !== null &&
    r.as_of !== null &&
    r.model_version !== null &&
    r.computed_at !== null
      ? {
          score: r.score,
          tier: r.computed_tier,
          asOf: r.as_of,
          modelVersion: r.model_version,
          computedAt: new Date(r.computed_at).toISOString(),
          contributions: expandContributions(stored.success ? stored.data : {}, r.industry_code),
        }
      : null;
  const imported =
    r.imported_tier !== null && r.rated_on !== null && r.imported_source !== null && r.imported_at !== null
      ? {
          tier: r.imported_tier,
          ratedOn: r.rated_on,
          source: r.imported_source,
          importedAt: new Date(r.imported_at).toISOString(),
        }
      : null;
  return ok({
    targetId: r.id,
    name: r.name,
    divisionCode: r.division_code,
    status: r.status,
    effective: { tier: r.risk_tier, source: r.tier_source, date: r.tier_date },
    computed,
    imported,
    alerts: (await activeAlertsOf(deps.database.db, r.id, deps.clock())).map((a) => ({
      id: a.id,
      sourceId: a.source_id,
      sourceName: a.source_name,
      type: a.alert_type,
      status: a.status,
      occurredAt: a.occurred_at.toISOString(),
      expiresAt: a.expires_at.toISOString(),
    })),
  });
}

const tierCounts = z.object({
  A: z.number(),
  B: z.number(),
  C: z.number(),
  D: z.number(),
  unrated: z.number(),
});
export const distributionSchema = z.object({
  regionCode: z.string(),
  total: z.number(),
  effective: tierCounts,
  computed: tierCounts,
  imported: tierCounts,
});

/** Tier counts of a region's targets in business, per source. */
export async function riskDistribution(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
): Promise<Result<z.infer<typeof distributionSchema>, DomainError>> {
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  return ok({ regionCode: region, ...(await tierDistribution(deps.database.db, region)) });
}

const share = z.object({ part: z.number(), whole: z.number(), percent: z.number().nullable() });
export const usageSchema = z.object({
  regionCode: z.string(),
  year: z.number().nullable(),
  /** 003: the goal share of departments using the tiers. */
  goalPercent: z.number(),
  departments: z.array(
    z.object({
      departmentCode: z.string(),
      name: z.string(),
      regionCode: z.string(),
      tasks: z.number(),
      tieredTasks: z.number(),
      rate: share,
    }),
  ),
  /** All tasks of the region: tasks using tiers ÷ tasks. */
  tasks: share,
  /** Departments with at least one task using tiers ÷ departments with tasks. */
  departmentsUsing: share,
});

/** The credit-risk usage rate per lead department of a region (tasks using tiers ÷ tasks). */
export async function riskUsage(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
  year: number | null,
): Promise<Result<z.infer<typeof usageSchema>, DomainError>> {
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  const rows = await usageByDepartment(deps.database.db, region, year);
  const withTasks = rows.filter((r) => r.tasks > 0);
  return ok({
    regionCode: region,
    year,
    goalPercent: RISK_USAGE_GOAL * 100,
    departments: rows.map((r) => ({
      departmentCode: r.department_code,
      name: r.name,
      regionCode: r.region_code,
      tasks: r.tasks,
      tieredTasks: r.tiered,
      rate: shareOf(r.tiered, r.tasks),
    })),
    tasks: shareOf(
      rows.reduce((a, r) => a + r.tiered, 0),
      rows.reduce((a, r) => a + r.tasks, 0),
    ),
    departmentsUsing: shareOf(withTasks.filter((r) => r.tiered > 0).length, withTasks.length),
  });
}
