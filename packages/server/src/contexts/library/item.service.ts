/**
 * Item list service (随机抽查事项清单): create, revise (every change is a new version with an
 * effective date; old versions stay as they were for the tasks that used them), publish,
 * and the per-region default ratio cap (settings scope = region code, key defaultRatioCap).
 */
import {
  checkEffectiveFrom,
  chinaDay,
  DEFAULT_RATIO_CAP,
  domainError,
  err,
  normalizeRatioCap,
  ok,
  validateItemContent,
  type DomainError,
  type FieldIssue,
  type ItemContent,
  type ItemRevisionInput,
  type NewItemInput,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import {
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type AuditContext,
  listDepartments,
  listRegions,
  getSettings,
  putSetting,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import {
  findItem,
  findItemsByCodes,
  insertItems,
  insertItemVersions,
  updateItemHead,
  type ItemWithVersion,
} from './item.repo';
import { inTransaction } from '../../db/tx';
import { contentOf, itemView, sameContent, type ItemView } from './item-view';

export const RATIO_CAP_SETTING = 'defaultRatioCap';

// Stored as an object: a bare JSON string comes back from jsonb parsed twice (as a number) by the driver layer.
const capSettingSchema = z.object({ ratio: z.string() });

/** A validation error carrying field issues. */
export function invalid(issues: readonly FieldIssue[]): DomainError {
  const first = issues[0];
  return domainError(
    'VALIDATION',
    first === undefined ? '输入有误' : `${first.field}：${first.messageZh}`,
    first === undefined ? 'invalid input' : `${first.field}: ${first.messageEn}`,
    { issues },
  );
}

export const itemNotFound = (): DomainError =>
  domainError('NOT_FOUND', '抽查事项不存在', 'no such inspection item');

/** The default ratio cap of each department: its region's setting, else the nearest ancestor's, else 10 %. */
export async function defaultRatioCaps(
  db: Db,
  departmentCodes: readonly string[],
): Promise<Map<string, { cap: string; scope: string | null }>> {
  const [deps, regions] = await Promise.all([listDepartments(db), listRegions(db)]);
  const parent = new Map(regions.map((r) => [r.code, r.parentCode]));
  const chainOf = (code: string): string[] => {
    const chain: string[] = [];
    for (
      let c: string | null | undefined = code;
      c !== null && c !== undefined && !chain.includes(c);
      c = parent.get(c)
    ) {
      chain.push(c);
    }
    return chain;
  };
  const chains = new Map<string, string[]>();
  for (const d of deps) {
    if (departmentCodes.includes(d.code)) {
      chains.set(d.code, chainOf(d.regionCode));
    }
  }
  const settings = await getSettings(db, RATIO_CAP_SETTING, [...new Set([...chains.values()].flat())]);
  const out = new Map<string, { cap: string; scope: string | null }>();
  for (const code of departmentCodes) {
    let found: { cap: string; scope: string | null } = { cap: DEFAULT_RATIO_CAP, scope: null };
    for (const scope of chains.get(code) ?? []) {
      const v = capSettingSchema.safeParse(settings.get(scope));
      const cap = v.success ? normalizeRatioCap(v.data.ratio) : undefined;
      if (cap?.ok === true) {
        found = { cap: cap.value, scope };
        break;
      }
    }
    out.set(code, found);
  }
  return out;
}

/** Set a region's default ratio cap for general items (system admin); audited. */
export async function setRegionRatioCap(
  deps: ServiceDeps,
  ctx: AuditContext,
  regionCode: string,
  capText: string,
): Promise<Result<{ regionCode: string; defaultRatioCap: string }, DomainError>> {
  const db = deps.database.db;
  const cap = normalizeRatioCap(capText, { field: 'defaultRatioCap' });
  if (!cap.ok) {
    return err(invalid([cap.error]));
  }
  if (!(await listRegions(db)).some((r) => r.code === regionCode)) {
    return err(
      domainError(
        'VALIDATION',
        `行政区划不在本平台：${regionCode}`,
        `region not in this deployment: ${regionCode}`,
      ),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const before = (await getSettings(tx, RATIO_CAP_SETTING, [regionCode])).get(regionCode) ?? null;
    await putSetting(tx, regionCode, RATIO_CAP_SETTING, { ratio: cap.value }, now);
    await audit(
      tx,
      ctx,
      {
        action: 'setting.updated',
        entityType: 'setting',
        entityId: `${regionCode}:${RATIO_CAP_SETTING}`,
        departmentCode: null,
        before,
        after: { ratio: cap.value },
      },
      now,
    );
    return ok({ regionCode, defaultRatioCap: cap.value });
  });
}

function versionRow(
  itemId: string,
  version: number,
  effectiveFrom: string,
  c: ItemContent,
  meta: { changeNote: string | null; createdBy: string | null; at: Date },
) {
  return {
    itemId,
    version,
    effectiveFrom,
    name: c.name,
    priority: c.priority,
    ratioCap: c.ratioCap,
    legalBasis: c.legalBasis,
    legalRefs: [...c.legalRefs],
    method: c.method,
    targetTypes: [...c.targetTypes],
    industries: [...c.industries],
    guideline: c.guideline,
    changeNote: meta.changeNote,
    createdBy: meta.createdBy,
    createdAt: meta.at,
  };
}

/** Create an item at version 1 (dept_admin of its department). */
export async function createItem(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: NewItemInput,
): Promise<Result<ItemView, DomainError>> {
  const db = deps.database.db;
  if (!canWriteDepartment(ctx.actor, input.departmentCode)) {
    return err(forbiddenDepartment(input.departmentCode));
  }
  const caps = await defaultRatioCaps(db, [input.departmentCode]);
  const cap = caps.get(input.departmentCode);
  if ((await listDepartments(db)).every((d) => d.code !== input.departmentCode) || cap === undefined) {
    return err(
      invalid([
        {
          field: 'departmentCode',
          value: input.departmentCode,
          messageZh: '部门不存在',
          messageEn: 'unknown department',
        },
      ]),
    );
  }
  const content = validateItemContent(input, { defaultRatioCap: cap.cap });
  if (!content.ok) {
    return err(invalid(content.error));
  }
  if ((await findItemsByCodes(db, [input])).size > 0) {
    return err(
      domainError(
        'CONFLICT',
        `事项编码已存在：${input.code}`,
        `item code exists in this department: ${input.code}`,
      ),
    );
  }
  const now = deps.clock();
  const effectiveFrom = input.effectiveFrom ?? chinaDay(now);
  return inTransaction(db, async (tx) => {
    const id = (
      await insertItems(tx, [{ departmentCode: input.departmentCode, code: input.code, at: now }])
    ).get(`${input.departmentCode}|${input.code}`);
    if (id === undefined) {
      throw new Error('bug: insert returned no id');
    }
    await insertItemVersions(tx, [
      versionRow(id, 1, effectiveFrom, content.value, {
        changeNote: input.changeNote ?? null,
        createdBy: ctx.actor.username,
        at: now,
      }),
    ]);
    const created = await findItem(tx, id);
    if (created === undefined) {
      throw new Error('bug: item vanished after insert');
    }
    const view = itemView(created);
    await audit(
      tx,
      ctx,
      {
        action: 'item.created',
        entityType: 'inspection_item',
        entityId: id,
        departmentCode: input.departmentCode,
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

/** Load an item for writing: present, and of a department the actor may change. */
async function itemForWrite(db: Db, actor: Actor, id: string): Promise<Result<ItemWithVersion, DomainError>> {
  const found = await findItem(db, id);
  if (found === undefined) {
    return err(itemNotFound());
  }
  return canWriteDepartment(actor, found.item.departmentCode)
    ? ok(found)
    : err(forbiddenDepartment(found.item.departmentCode));
}

/** Revise an item: a new version with an effective date (no version when nothing changed). */
export async function reviseItem(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  patch: ItemRevisionInput,
): Promise<Result<{ item: ItemView; changed: boolean }, DomainError>> {
  const db = deps.database.db;
  const found = await itemForWrite(db, ctx.actor, id);
  if (!found.ok) {
    return found;
  }
  const cur = contentOf(found.value.version);
  const cap =
    (await defaultRatioCaps(db, [found.value.item.departmentCode])).get(found.value.item.departmentCode)
      ?.cap ?? DEFAULT_RATIO_CAP;
  const priority = patch.priority ?? cur.priority;
  // Switching to a key item drops the cap; otherwise an untouched cap stays as it was.
  const ratioCap = patch.ratioCap !== undefined ? patch.ratioCap : priority === 'key' ? null : cur.ratioCap;
  const next = validateItemContent(
    {
      name: patch.name ?? cur.name,
      priority,
      ratioCap,
      legalBasis: patch.legalBasis ?? cur.legalBasis,
      legalRefs: patch.legalRefs ?? (patch.legalBasis !== undefined ? undefined : [...cur.legalRefs]),
      method: patch.method ?? cur.method,
      targetTypes: patch.targetTypes ?? [...cur.targetTypes],
      industries: patch.industries ?? [...cur.industries],
      guideline: patch.guideline ?? cur.guideline,
    },
    { defaultRatioCap: cap },
  );
  if (!next.ok) {
    return err(invalid(next.error));
  }
  if (sameContent(next.value, cur)) {
    return ok({ item: itemView(found.value), changed: false });
  }
  const now = deps.clock();
  const effectiveFrom = patch.effectiveFrom ?? chinaDay(now);
  const order = checkEffectiveFrom(effectiveFrom, found.value.version.effectiveFrom);
  if (!order.ok) {
    return err(invalid([order.error]));
  }
  return inTransaction(db, async (tx) => {
    const version = await writeVersion(tx, found.value, next.value, {
      effectiveFrom,
      changeNote: patch.changeNote ?? null,
      createdBy: ctx.actor.username,
      at: now,
    });
    const after = await findItem(tx, id);
    if (after === undefined) {
      throw new Error('bug: item vanished after revision');
    }
    const view = itemView(after);
    await audit(
      tx,
      ctx,
      {
        action: 'item.revised',
        entityType: 'inspection_item',
        entityId: id,
        departmentCode: after.item.departmentCode,
        before: itemView(found.value),
        after: { ...view, version },
      },
      now,
    );
    return ok({ item: view, changed: true });
  });
}

/** Append the next version and move the head to it; returns the new version number. */
export async function writeVersion(
  tx: Db,
  cur: ItemWithVersion,
  content: ItemContent,
  meta: { effectiveFrom: string; changeNote: string | null; createdBy: string | null; at: Date },
): Promise<number> {
  const version = cur.item.currentVersion + 1;
  await insertItemVersions(tx, [versionRow(cur.item.id, version, meta.effectiveFrom, content, meta)]);
  await updateItemHead(tx, cur.item.id, { currentVersion: version, at: meta.at });
  return version;
}

/** Publish or unpublish an item on the portal; audited. */
export async function setItemPublished(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  published: boolean,
): Promise<Result<ItemView, DomainError>> {
  const db = deps.database.db;
  const found = await itemForWrite(db, ctx.actor, id);
  if (!found.ok) {
    return found;
  }
  if (found.value.item.published === published) {
    return ok(itemView(found.value));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await updateItemHead(tx, id, { published, at: now });
    const after = await findItem(tx, id);
    if (after === undefined) {
      throw new Error('bug: item vanished');
    }
    await audit(
      tx,
      ctx,
      {
        action: published ? 'item.published' : 'item.unpublished',
        entityType: 'inspection_item',
        entityId: id,
        departmentCode: after.item.departmentCode,
        before: { published: !published },
        after: { published, version: after.item.currentVersion },
      },
      now,
    );
    return ok(itemView(after));
  });
}

export { versionRow as itemVersionRow };
