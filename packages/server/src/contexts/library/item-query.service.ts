/**
 * Reading the item list: staff see their own department's items (auditors and system admins
 * every department's), the public sees published items only (一公开).
 */
import {
  domainError,
  err,
  INSPECTION_METHODS,
  ITEM_PRIORITIES,
  ok,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type ServiceDeps,
} from '../platform';
import { findItem, findItemVersion, listItemVersions, searchItems, type ItemFilter } from './item.repo';
import {
  itemSummary,
  itemView,
  versionView,
  type ItemSummary,
  type ItemVersionView,
  type ItemView,
} from './item-view';
import { defaultRatioCaps, itemNotFound } from './item.service';

/** Query of the staff item list. */
export const itemQuerySchema = z.object({
  department: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  priority: z.enum(ITEM_PRIORITIES).optional(),
  method: z.enum(INSPECTION_METHODS).optional(),
  published: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ItemQuery = z.infer<typeof itemQuerySchema>;

/** Query of the public item list. */
export const publicItemQuerySchema = itemQuerySchema.omit({ published: true });

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

function filterOf(
  q: Omit<ItemQuery, 'published'> & { published?: 'true' | 'false' | undefined },
  departments: readonly string[] | undefined,
): ItemFilter {
  return {
    ...(departments !== undefined ? { departments } : {}),
    ...(q.q !== undefined ? { keyword: q.q } : {}),
    ...(q.priority !== undefined ? { priority: q.priority } : {}),
    ...(q.method !== undefined ? { method: q.method } : {}),
    ...(q.published !== undefined ? { published: q.published === 'true' } : {}),
    limit: q.limit,
    offset: q.offset,
  };
}

/** The departments a staff query may cover: the asked one if readable, else the actor's own (all for oversight roles). */
export function scopeDepartments(
  actor: Actor,
  asked: string | undefined,
): Result<string[] | undefined, DomainError> {
  if (asked !== undefined) {
    return canReadDepartment(actor, asked) ? ok([asked]) : err(forbiddenDepartment(asked));
  }
  return ok(hasAnyRole(actor, CROSS_DEPARTMENT_READERS) ? undefined : [actor.departmentCode]);
}

/** The staff item list, filtered and paged. */
export async function listItems(
  deps: ServiceDeps,
  actor: Actor,
  q: ItemQuery,
): Promise<Result<Page<ItemSummary>, DomainError>> {
  const scope = scopeDepartments(actor, q.department);
  if (!scope.ok) {
    return scope;
  }
  const { rows, total } = await searchItems(deps.database.db, filterOf(q, scope.value));
  return ok({ items: rows.map(itemSummary), total });
}

/** All items of a staff query (for export), capped at `max`. */
export async function exportItems(
  deps: ServiceDeps,
  actor: Actor,
  q: Omit<ItemQuery, 'limit' | 'offset'>,
  max: number,
): Promise<Result<ItemSummary[], DomainError>> {
  const scope = scopeDepartments(actor, q.department);
  if (!scope.ok) {
    return scope;
  }
  const { rows } = await searchItems(
    deps.database.db,
    filterOf({ ...q, limit: max, offset: 0 }, scope.value),
  );
  return ok(rows.map(itemSummary));
}

/** One item with its current guideline, if the actor may read its department. */
export async function getItem(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<ItemView, DomainError>> {
  const found = await findItem(deps.database.db, id);
  if (found === undefined) {
    return err(itemNotFound());
  }
  return canReadDepartment(actor, found.item.departmentCode)
    ? ok(itemView(found))
    : err(forbiddenDepartment(found.item.departmentCode));
}

/** Every version of an item, newest first. */
export async function getItemHistory(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<ItemVersionView[], DomainError>> {
  const item = await getItem(deps, actor, id);
  if (!item.ok) {
    return item;
  }
  return ok((await listItemVersions(deps.database.db, id)).map(versionView));
}

/** One version of an item, as a task used it. */
export async function getItemVersion(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<Result<ItemVersionView, DomainError>> {
  const item = await getItem(deps, actor, id);
  if (!item.ok) {
    return item;
  }
  const v = await findItemVersion(deps.database.db, id, version);
  return v === undefined
    ? err(domainError('NOT_FOUND', `该事项没有第 ${version} 版`, `the item has no version ${version}`))
    : ok(versionView(v));
}

/** The default ratio cap that applies to a department's general items. */
export async function getRatioDefault(
  deps: ServiceDeps,
  actor: Actor,
  departmentCode: string | undefined,
): Promise<Result<{ departmentCode: string; defaultRatioCap: string; scope: string | null }, DomainError>> {
  const dept = departmentCode ?? actor.departmentCode;
  if (!canReadDepartment(actor, dept)) {
    return err(forbiddenDepartment(dept));
  }
  const found = (await defaultRatioCaps(deps.database.db, [dept])).get(dept);
  return found === undefined
    ? err(domainError('NOT_FOUND', '部门不存在', 'no such department'))
    : ok({ departmentCode: dept, defaultRatioCap: found.cap, scope: found.scope });
}

/** Published items for the portal, searchable by department and keyword. */
export async function listPublicItems(
  deps: ServiceDeps,
  q: z.infer<typeof publicItemQuerySchema>,
): Promise<Page<ItemSummary>> {
  const { rows, total } = await searchItems(deps.database.db, {
    ...filterOf(q, q.department === undefined ? undefined : [q.department]),
    published: true,
  });
  return { items: rows.map(itemSummary), total };
}

/** A published item with its guideline; unpublished ones do not exist for the public. */
export async function getPublicItem(deps: ServiceDeps, id: string): Promise<Result<ItemView, DomainError>> {
  const found = await findItem(deps.database.db, id);
  return found === undefined || !found.item.published ? err(itemNotFound()) : ok(itemView(found));
}
