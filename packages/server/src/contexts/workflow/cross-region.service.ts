/**
 * Cross-region cooperation (跨区域, issue 6; 000: 渝北 with 邻水 under one standard): adjacent regions
 * configured as each other's fallback pool (spec §5). The setting is symmetric: naming 511623 as
 * adjacent to 500112 also names 500112 adjacent to 511623. The freeze reads it (workflow-settings).
 */
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  type Actor,
  type AuditContext,
  listRegions,
  getSettings,
  listSettings,
  putSetting,
  audit,
  type ServiceDeps,
} from '../platform';
import { inTransaction } from '../../db/tx';
import { canReadRiskRegion, forbiddenRegion } from '../risk';
import { ADJACENT_REGIONS_SETTING } from './workflow-settings';

const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code');
export const fallbackInputSchema = z.object({ regionCode, adjacent: z.array(regionCode).max(50) });
export const fallbackViewSchema = z.object({ regionCode: z.string(), adjacent: z.array(z.string()) });
export const fallbackListSchema = z.object({ items: z.array(fallbackViewSchema) });
const listSchema = z.array(regionCode);

const parseList = (v: unknown): string[] => {
  const p = listSchema.safeParse(v);
  return p.success ? p.data : [];
};

/** The regions configured as a region's fallback pool. */
export async function getFallbackRegions(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
): Promise<Result<z.infer<typeof fallbackViewSchema>, DomainError>> {
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  const values = await getSettings(deps.database.db, ADJACENT_REGIONS_SETTING, [region]);
  return ok({ regionCode: region, adjacent: parseList(values.get(region)) });
}

/** Every region with adjacent regions configured, that the actor may read (the settings screen's overview). */
export async function listFallbackRegions(
  deps: ServiceDeps,
  actor: Actor,
): Promise<z.infer<typeof fallbackListSchema>> {
  const values = await listSettings(deps.database.db, ADJACENT_REGIONS_SETTING);
  const items = [...values]
    .filter(([scope]) => /^\d{6}$/.test(scope) && canReadRiskRegion(actor, scope))
    .map(([scope, v]) => ({ regionCode: scope, adjacent: parseList(v) }))
    .filter((x) => x.adjacent.length > 0);
  return { items };
}

/** Set a region's adjacent regions, both ways (system admin: it changes two regions' pools); audited. */
export async function putFallbackRegions(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: z.infer<typeof fallbackInputSchema>,
): Promise<Result<z.infer<typeof fallbackViewSchema>, DomainError>> {
  if (!ctx.actor.roles.includes('system_admin')) {
    return err(
      domainError(
        'FORBIDDEN',
        '仅系统管理员可配置相邻地区备用人员库',
        'only a system admin may configure adjacent-region fallback pools',
      ),
    );
  }
  const known = new Set((await listRegions(deps.database.db)).map((r) => r.code));
  const unknown = [input.regionCode, ...input.adjacent].filter((c) => !known.has(c));
  if (unknown.length > 0 || input.adjacent.includes(input.regionCode)) {
    return err(
      domainError(
        'VALIDATION',
        `未知或重复的行政区划：${unknown.join('、') || input.regionCode}`,
        `unknown or self-referencing regions: ${unknown.join(', ') || input.regionCode}`,
        { details: { unknown } },
      ),
    );
  }
  const now = deps.clock();
  const adjacent = [...new Set(input.adjacent)].sort();
  return inTransaction(deps.database.db, async (tx) => {
    const before = parseList(
      (await getSettings(tx, ADJACENT_REGIONS_SETTING, [input.regionCode])).get(input.regionCode),
    );
    const touched = [...new Set([...before, ...adjacent])];
    const others = await getSettings(tx, ADJACENT_REGIONS_SETTING, touched);
    await putSetting(tx, input.regionCode, ADJACENT_REGIONS_SETTING, adjacent, now);
    const changes: { region: string; before: string[]; after: string[] }[] = [
      { region: input.regionCode, before, after: adjacent },
    ];
    for (const r of touched) {
      const was = parseList(others.get(r));
      const list = was.filter((c) => c !== input.regionCode);
      const next = adjacent.includes(r) ? [...list, input.regionCode].sort() : list;
      await putSetting(tx, r, ADJACENT_REGIONS_SETTING, next, now);
      changes.push({ region: r, before: was, after: next });
    }
    // 全程留痕: one row per region whose pool changed, the mirrored ones included
    for (const c of changes) {
      if (c.region === input.regionCode || c.before.join() !== c.after.join()) {
        await audit(
          tx,
          ctx,
          {
            action: 'cross_region.fallback',
            entityType: 'setting',
            entityId: `${c.region}/${ADJACENT_REGIONS_SETTING}`,
            before: c.before,
            after: c.after,
          },
          now,
        );
      }
    }
    return ok({ regionCode: input.regionCode, adjacent });
  });
}
