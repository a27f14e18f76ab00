/**
 * The credit-risk model configuration per region (settings key `riskModel`, issue 6): read
 * with inheritance (district → city → province → global → defaults), changed with validation
 * and an audit row, and resolved per target division for scoring.
 */
import {
  DEFAULT_RISK_MODEL,
  err,
  ok,
  riskModelConfigSchema,
  validateRiskModel,
  type DomainError,
  type Result,
  type RiskModelConfig,
} from '@openssj/core';
import { z } from 'zod';
import {
  type Actor,
  type AuditContext,
  getSettings,
  listSettings,
  putSetting,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { canReadRiskRegion, canWriteRiskRegion, forbiddenRegion, regionChain } from './risk-access';

export const RISK_MODEL_SETTING = 'riskModel';

const storedSchema = z.object({
  config: riskModelConfigSchema,
  version: z.int().min(1),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
type Stored = z.infer<typeof storedSchema>;

/** A region's model as the API shows it. */
export const riskModelViewSchema = z.object({
  regionCode: z.string(),
  config: riskModelConfigSchema,
  /** The scope the config comes from: the region itself, a region above, 'global', or 'default'. */
  sourceScope: z.string(),
  inherited: z.boolean(),
  version: z.number(),
  modelVersion: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
  defaults: riskModelConfigSchema,
});
export type RiskModelView = z.infer<typeof riskModelViewSchema>;

/** The model in force for a region, and where it comes from. */
export interface ResolvedModel {
  readonly config: RiskModelConfig;
  readonly scope: string;
  readonly version: number;
  /** e.g. 500112@v3, or default@v0. */
  readonly modelVersion: string;
  readonly stored: Stored | null;
}

function resolveIn(chain: readonly string[], values: ReadonlyMap<string, unknown>): ResolvedModel {
  for (const scope of chain) {
    const parsed = storedSchema.safeParse(values.get(scope));
    if (parsed.success) {
      return {
        config: parsed.data.config,
        scope,
        version: parsed.data.version,
        modelVersion: `${scope}@v${parsed.data.version}`,
        stored: parsed.data,
      };
    }
  }
  return {
    config: DEFAULT_RISK_MODEL,
    scope: 'default',
    version: 0,
    modelVersion: 'default@v0',
    stored: null,
  };
}

/** The model in force for one region. */
export async function resolveModel(db: Db, region: string): Promise<ResolvedModel> {
  const chain = regionChain(region);
  return resolveIn(chain, await getSettings(db, RISK_MODEL_SETTING, chain));
}

/** Every stored model at once, as a per-division resolver (memoised) for scoring runs. */
export async function modelResolver(db: Db): Promise<(division: string) => ResolvedModel> {
  const values = await listSettings(db, RISK_MODEL_SETTING);
  const memo = new Map<string, ResolvedModel>();
  return (division) => {
    let m = memo.get(division);
    if (m === undefined) {
      m = resolveIn(regionChain(division), values);
      memo.set(division, m);
    }
    return m;
  };
}

function view(actor: Actor, region: string, m: ResolvedModel): RiskModelView {
  const own = region === 'all' ? 'global' : region;
  return {
    regionCode: region,
    config: m.config,
    sourceScope: m.scope,
    inherited: m.scope !== own,
    version: m.version,
    modelVersion: m.modelVersion,
    updatedBy: m.stored?.updatedBy ?? null,
    updatedAt: m.stored?.updatedAt ?? null,
    canEdit: canWriteRiskRegion(actor, region),
    defaults: DEFAULT_RISK_MODEL,
  };
}

/** Read a region's model (inherited when the region has none of its own). */
export async function getRiskModel(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
): Promise<Result<RiskModelView, DomainError>> {
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  return ok(view(actor, region, await resolveModel(deps.database.db, region)));
}

/** Set a region's own model after validation (cut-offs ascending, weights ≥ 0); audited. */
export async function putRiskModel(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  region: string,
  input: unknown,
): Promise<Result<RiskModelView, DomainError>> {
  if (!canWriteRiskRegion(ctx.actor, region)) {
    return err(forbiddenRegion(region, true));
  }
  const v = validateRiskModel(input);
  if (!v.ok) {
    return v;
  }
  const now = deps.clock();
  const scope = region === 'all' ? 'global' : region;
  return inTransaction<RiskModelView, DomainError>(deps.database.db, async (tx) => {
    const before = (await getSettings(tx, RISK_MODEL_SETTING, [scope])).get(scope);
    const prev = storedSchema.safeParse(before);
    const next: Stored = {
      config: v.value,
      version: prev.success ? prev.data.version + 1 : 1,
      updatedBy: ctx.actor.username,
      updatedAt: now.toISOString(),
    };
    await putSetting(tx, scope, RISK_MODEL_SETTING, next, now);
    await audit(
      tx,
      ctx,
      {
        action: 'risk.model.update',
        entityType: 'risk_model',
        entityId: scope,
        before: prev.success ? prev.data : null,
        after: next,
      },
      now,
    );
    return ok(view(ctx.actor, region, await resolveModel(tx, region)));
  });
}
