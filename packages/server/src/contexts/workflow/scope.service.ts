/**
 * The task form's scope picker: the districts, industries and tags that the actor's region holds
 * (with 在营 counts), and the live frame size of a scope being edited — the same estimate the plan
 * shows its leader and the submit check uses (in scope, 在营, under the yearly cap).
 */
import {
  lookupDivision,
  lookupIndustry,
  stratumSpecSchema,
  taskScopeSchema,
  tierSourceSchema,
  type DomainError,
  type Result,
  ok,
} from '@openssj/core';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../platform';
import { estimateFrames } from './frame-estimate.repo';
import { scopeFacets } from './scope-options.repo';
import { yearlyCap } from './workflow-settings';

const option = z.object({ code: z.string(), name: z.string(), count: z.int() });

export const scopeOptionsSchema = z.object({
  /** The region the options come from (the user's). */
  regionCode: z.string(),
  divisions: z.array(option),
  industries: z.array(option),
  /** The most used tags, at most 300. */
  tags: z.array(z.object({ code: z.string(), count: z.int() })),
});

/** Districts, industry divisions and tags of the actor's region, with their 在营 target counts. */
export async function scopeOptions(
  deps: ServiceDeps,
  actor: Actor,
): Promise<Result<z.infer<typeof scopeOptionsSchema>, DomainError>> {
  const f = await scopeFacets(deps.database.db, actor.regionCode);
  return ok({
    regionCode: actor.regionCode,
    divisions: f.divisions.map((d) => ({
      code: d.code,
      name: lookupDivision(d.code)?.name ?? d.code,
      count: d.n,
    })),
    industries: f.industries.map((d) => ({
      code: d.code,
      name: lookupIndustry(d.code)?.name ?? d.code,
      count: d.n,
    })),
    tags: f.tags.map((t) => ({ code: t.code, count: t.n })),
  });
}

export const frameEstimateInputSchema = z.object({
  year: z.int().min(2000).max(2100),
  scope: taskScopeSchema,
  strata: z.array(stratumSpecSchema).min(1).max(12),
  tierSource: tierSourceSchema.nullable().default(null),
});

export const frameEstimateSchema = z.object({
  strata: z.array(z.object({ name: z.string(), frame: z.int() })),
  total: z.int(),
});

/** The frame a scope would have now for the actor's department (in scope, 在营, under the yearly cap). */
export async function estimateScopeFrames(
  deps: ServiceDeps,
  actor: Actor,
  input: z.infer<typeof frameEstimateInputSchema>,
): Promise<Result<z.infer<typeof frameEstimateSchema>, DomainError>> {
  const db = deps.database.db;
  const cap = await yearlyCap(db, actor.departmentCode);
  const frames = await estimateFrames(db, input.scope, input.strata, input.year, cap, input.tierSource);
  return ok({
    strata: input.strata.map((s, i) => ({ name: s.name, frame: frames[i] ?? 0 })),
    total: frames.reduce((a, f) => a + f, 0),
  });
}
