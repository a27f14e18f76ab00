/**
 * Views of plans, tasks and draws as the API returns them, with their zod schemas (for the
 * OpenAPI document and the web client), built from repository rows. JSON columns are parsed.
 */
import { PLAN_STATUSES, stratumSpecSchema, taskScopeSchema, tierSourceSchema } from '@openssj/core';
import { z } from 'zod';
import type { PlanListRow, PlanRevisionRow } from './plan.repo';
import type { TaskFull } from './task.repo';
import type { TaskDrawRow } from './task.repo';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export const planViewSchema = z.object({
  id: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  revision: z.number(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  taskCount: z.number(),
});
export type PlanView = z.infer<typeof planViewSchema>;

/** A plan row as the API shows it. */
export function planView(r: PlanListRow): PlanView {
  const p = r.plan;
  return {
    id: p.id,
    departmentCode: p.departmentCode,
    departmentName: r.departmentName,
    year: p.year,
    title: p.title,
    status: z.enum(PLAN_STATUSES).parse(p.status),
    revision: p.revision,
    submittedAt: iso(p.submittedAt),
    submittedBy: p.submittedBy,
    approvedAt: iso(p.approvedAt),
    approvedBy: p.approvedBy,
    publishedAt: iso(p.publishedAt),
    returnComment: p.returnComment,
    createdBy: p.createdBy,
    updatedAt: p.updatedAt.toISOString(),
    taskCount: r.taskCount,
  };
}

export const revisionViewSchema = z.object({
  revision: z.number(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  snapshot: z.unknown(),
});

/** A revision as the API shows it. */
export function revisionView(r: PlanRevisionRow): z.infer<typeof revisionViewSchema> {
  return {
    revision: r.revision,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    snapshot: r.snapshot,
  };
}

export const quotaSchema = z.record(z.string(), z.number());
const storedStratumSchema = stratumSpecSchema;

export const taskViewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planYear: z.number(),
  planStatus: z.string(),
  title: z.string(),
  leadDepartmentCode: z.string(),
  scope: taskScopeSchema,
  strata: z.array(storedStratumSchema),
  windowStart: z.string(),
  windowEnd: z.string(),
  jurisdictionRule: z.boolean(),
  crossRegion: z.boolean(),
  /** Which tier the strata read: computed, imported, or null for the effective tier. */
  tierSource: tierSourceSchema.nullable(),
  quota: quotaSchema,
  status: z.string(),
  items: z.array(
    z.object({
      itemId: z.string(),
      itemVersion: z.number(),
      departmentCode: z.string(),
      name: z.string(),
      priority: z.string(),
      ratioCap: z.string().nullable(),
      legalBasis: z.string(),
    }),
  ),
  participants: z.array(
    z.object({
      departmentCode: z.string(),
      status: z.string(),
      respondedBy: z.string().nullable(),
      respondedAt: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export type TaskView = z.infer<typeof taskViewSchema>;

/** Parse a task's JSON columns (scope, strata, quota). */
export function parseTaskJson(t: TaskFull['task']) {
  return {
    scope: taskScopeSchema.parse(t.scope),
    strata: z.array(storedStratumSchema).parse(t.strata),
    quota: z.record(z.string(), z.int()).parse(t.quota),
  };
}

/** A task as the API shows it. */
export function taskView(f: TaskFull): TaskView {
  const t = f.task;
  return {
    id: t.id,
    planId: t.planId,
    planYear: f.planYear,
    planStatus: f.planStatus,
    title: t.title,
    leadDepartmentCode: t.leadDepartmentCode,
    ...parseTaskJson(t),
    windowStart: t.windowStart,
    windowEnd: t.windowEnd,
    jurisdictionRule: t.jurisdictionRule,
    crossRegion: t.crossRegion,
    tierSource: tierSourceSchema.nullable().catch(null).parse(t.tierSource),
    status: t.status,
    items: f.items.map((i) => ({ ...i })),
    participants: f.participants.map((p) => ({
      departmentCode: p.departmentCode,
      status: p.status,
      respondedBy: p.respondedBy,
      respondedAt: iso(p.respondedAt),
      comment: p.comment,
    })),
  };
}

export const frozenStratumSchema = z.object({
  name: z.string(),
  ratio: z.string(),
  min: z.number(),
  max: z.number().nullable(),
  frameSize: z.number(),
  frameDigest: z.string(),
  sampleSize: z.number(),
});
export const witnessSchema = z.object({
  name: z.string().trim().min(1).max(40),
  role: z.string().trim().min(1).max(40),
});
export const exclusionCountsSchema = z.record(z.string(), z.record(z.string(), z.number()));

export const drawSummarySchema = z.object({
  id: z.string(),
  taskId: z.string(),
  status: z.enum(['frozen', 'committed', 'drawn', 'abandoned']),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  frozenAt: z.string(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  abandonedAt: z.string().nullable(),
  abandonedReason: z.string().nullable(),
  seedSource: z.enum(['dice', 'beacon', 'system']).nullable(),
  seedPlan: z.string().nullable(),
  commitment: z.string().nullable(),
  seed: z.string().nullable(),
  strata: z.array(frozenStratumSchema),
  frameExclusionCounts: exclusionCountsSchema,
  witnesses: z.array(witnessSchema),
});
export type DrawSummary = z.infer<typeof drawSummarySchema>;

/** A draw row as the API shows it (the seed only once drawn; the system seed never before). */
export function drawSummary(d: TaskDrawRow, supersededBy: string | null = null): DrawSummary {
  return {
    id: d.id,
    taskId: d.taskId,
    status: drawSummarySchema.shape.status.parse(d.status),
    supersedes: d.supersedes,
    supersededBy,
    frozenAt: d.frozenAt.toISOString(),
    committedAt: iso(d.committedAt),
    drawnAt: iso(d.drawnAt),
    abandonedAt: iso(d.abandonedAt),
    abandonedReason: d.abandonedReason,
    seedSource:
      d.seedSource === null ? null : drawSummarySchema.shape.seedSource.unwrap().parse(d.seedSource),
    seedPlan: d.seedPlan,
    commitment: d.commitment,
    seed: d.seed,
    strata: z.array(frozenStratumSchema).parse(d.strata),
    frameExclusionCounts: exclusionCountsSchema.parse(d.frameExclusionCounts),
    witnesses: z.array(witnessSchema).parse(d.witnesses),
  };
}
