/**
 * A setting kept per region (settings table): the nearest scope up the chain wins (district,
 * city, province, 'global'), else a default. Staff read their own region and those below;
 * a market-regulation admin of the region or above, or a system admin, sets it or drops it to
 * inherit again. Every change is audited. Used by the evaluation criteria and the appeal terms.
 */
import { err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import {
  type Actor,
  type AuditContext,
  audit,
  deleteSetting,
  getSettings,
  putSetting,
  type ServiceDeps,
} from '../platform';
import { canReadRiskRegion, canWriteRiskRegion, forbiddenRegion, regionChain } from './risk-access';

export interface RegionSettingView<T> {
  readonly regionCode: string;
  /** The scope the value comes from: a region code, 'global', or 'default'. */
  readonly source: string;
  readonly config: T;
  readonly canEdit: boolean;
}

/** The view schema of a region setting whose value has `config`'s schema. */
export function regionSettingViewSchema<S extends z.ZodType>(config: S) {
  return z.object({ regionCode: z.string(), source: z.string(), config, canEdit: z.boolean() });
}

export interface RegionSetting<T> {
  /** The value that applies to a region, and where it comes from (no access check: for services). */
  readonly resolve: (db: Db, region: string) => Promise<{ source: string; config: T }>;
  readonly get: (
    deps: ServiceDeps,
    actor: Actor,
    region: string,
  ) => Promise<Result<RegionSettingView<T>, DomainError>>;
  readonly put: (
    deps: ServiceDeps,
    ctx: AuditContext & { actor: Actor },
    region: string,
    value: unknown,
  ) => Promise<Result<RegionSettingView<T>, DomainError>>;
  readonly reset: (
    deps: ServiceDeps,
    ctx: AuditContext & { actor: Actor },
    region: string,
  ) => Promise<Result<RegionSettingView<T>, DomainError>>;
}

/** A region setting under `key`, checked by `validate` on the way in and by `schema` on the way out. */
export function regionSetting<T>(spec: {
  readonly key: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: T;
  readonly validate: (input: unknown) => Result<T, DomainError>;
  /** The audit action of a change; a reset is `<action>.reset`. */
  readonly action: string;
}): RegionSetting<T> {
  const entityId = (region: string) => `${region}/${spec.key}`;

  async function resolve(db: Db, region: string): Promise<{ source: string; config: T }> {
    const chain = regionChain(region);
    const values = await getSettings(db, spec.key, chain);
    for (const scope of chain) {
      const parsed = spec.schema.safeParse(values.get(scope));
      if (parsed.success) {
        return { source: scope, config: parsed.data };
      }
    }
    return { source: 'default', config: spec.fallback };
  }

  async function get(deps: ServiceDeps, actor: Actor, region: string) {
    if (!canReadRiskRegion(actor, region)) {
      return err(forbiddenRegion(region, false));
    }
    const r = await resolve(deps.database.db, region);
    return ok({ regionCode: region, ...r, canEdit: canWriteRiskRegion(actor, region) });
  }

  async function change(
    deps: ServiceDeps,
    ctx: AuditContext & { actor: Actor },
    region: string,
    write: (tx: Db, now: Date) => Promise<{ action: string; before: unknown; after: unknown } | null>,
  ) {
    if (!canWriteRiskRegion(ctx.actor, region)) {
      return err(forbiddenRegion(region, true));
    }
    const now = deps.clock();
    await inTransaction(deps.database.db, async (tx): Promise<Result<null, DomainError>> => {
      const done = await write(tx, now);
      if (done !== null) {
        await audit(tx, ctx, { entityType: 'setting', entityId: entityId(region), ...done }, now);
      }
      return ok(null);
    });
    return get(deps, ctx.actor, region);
  }

  return {
    resolve,
    get,
    put: async (deps, ctx, region, value) => {
      if (!canWriteRiskRegion(ctx.actor, region)) {
        return err(forbiddenRegion(region, true));
      }
      const parsed = spec.validate(value);
      if (!parsed.ok) {
        return parsed;
      }
      return change(deps, ctx, region, async (tx, now) => {
        const before = (await getSettings(tx, spec.key, [region])).get(region) ?? null;
        await putSetting(tx, region, spec.key, parsed.value, now);
        return { action: spec.action, before, after: parsed.value };
      });
    },
    reset: async (deps, ctx, region) => {
      return change(deps, ctx, region, async (tx) => {
        const before = (await getSettings(tx, spec.key, [region])).get(region);
        return before !== undefined && (await deleteSetting(tx, region, spec.key))
          ? { action: `${spec.action}.reset`, before, after: null }
          : null;
      });
    },
  };
}
