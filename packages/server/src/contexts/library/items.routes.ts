/**
 * /api/items: the item list (随机抽查事项清单) with versions and guidelines; /api/item-settings:
 * the per-region default ratio cap; /api/public/items: published items for the portal.
 */
import { itemRevisionSchema, newItemSchema, mapOk, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicAccess, rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
import {
  getItem,
  getItemHistory,
  getItemVersion,
  getPublicItem,
  getRatioDefault,
  itemQuerySchema,
  listItems,
  listPublicItems,
  publicItemQuerySchema,
} from './item-query.service';
import {
  itemSummarySchema,
  itemVersionViewSchema,
  itemViewSchema,
  publicItemDetailSchema,
  publicItemSchema,
} from './item-view';
import { exportItemSheet } from './library-export';
import { createItem, reviseItem, setItemPublished, setRegionRatioCap } from './item.service';

const idParams = z.object({ id: z.uuid() });
const ratioDefaultSchema = z.object({
  departmentCode: z.string(),
  defaultRatioCap: z.string(),
  scope: z.string().nullable(),
});

/** Register item routes (staff and public). */
export async function registerItemRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const publicApi = endpoints(app, 'public');
  const items = endpoints(app, 'items');
  items.get({
    url: '/api/items',
    summary: '抽查事项清单 / item list',
    access: sessionAccess,
    query: itemQuerySchema,
    response: z.object({ items: z.array(itemSummarySchema), total: z.int() }),
    run: (c) => listItems(deps, c.actor, c.query),
  });

  items.download({
    url: '/api/items/export',
    summary: '导出抽查事项清单 / export items (xlsx or csv)',
    access: sessionAccess,
    query: itemQuerySchema
      .omit({ limit: true, offset: true })
      .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    run: (c) => {
      const { format, ...q } = c.query;
      return exportItemSheet(deps, c.actor, q, format);
    },
  });

  items.post({
    url: '/api/items',
    summary: '新建抽查事项 / create an item (version 1)',
    access: rolesAccess('dept_admin'),
    body: newItemSchema,
    response: itemViewSchema,
    status: 201,
    run: (c) => createItem(deps, c.audit, c.body),
  });

  items.get({
    url: '/api/items/:id',
    summary: '抽查事项及其指引 / an item with its guideline',
    access: sessionAccess,
    params: idParams,
    response: itemViewSchema,
    run: (c) => getItem(deps, c.actor, c.params.id),
  });

  items.patch({
    url: '/api/items/:id',
    summary: '修订抽查事项或指引（生成新版本）/ revise an item or its guideline (new version)',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: itemRevisionSchema,
    response: z.object({ item: itemViewSchema, changed: z.boolean() }),
    run: (c) => reviseItem(deps, c.audit, c.params.id, c.body),
  });

  items.get({
    url: '/api/items/:id/versions',
    summary: '版本历史 / version history',
    access: sessionAccess,
    params: idParams,
    response: z.object({ items: z.array(itemVersionViewSchema) }),
    run: async (c) => mapOk(await getItemHistory(deps, c.actor, c.params.id), (items) => ({ items })),
  });

  items.get({
    url: '/api/items/:id/versions/:version',
    summary: '某一版本 / one version',
    access: sessionAccess,
    params: idParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
    response: itemVersionViewSchema,
    run: (c) => getItemVersion(deps, c.actor, c.params.id, c.params.version),
  });

  items.put({
    url: '/api/items/:id/published',
    summary: '公示 / 撤回公示 / publish or unpublish',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: z.object({ published: z.boolean() }),
    response: itemViewSchema,
    run: (c) => setItemPublished(deps, c.audit, c.params.id, c.body.published),
  });

  items.get({
    url: '/api/item-settings/ratio-cap',
    summary: '默认抽查比例上限 / default ratio cap',
    access: sessionAccess,
    query: z.object({ department: z.string().max(40).optional() }),
    response: ratioDefaultSchema,
    run: (c) => getRatioDefault(deps, c.actor, c.query.department),
  });

  items.put({
    url: '/api/item-settings/ratio-cap',
    summary: '设置地区默认抽查比例上限 / set a region default ratio cap',
    access: rolesAccess('system_admin'),
    body: z.object({
      regionCode: z.string().regex(/^\d{6}$/),
      defaultRatioCap: z.string().min(1).max(20),
    }),
    response: z.object({ regionCode: z.string(), defaultRatioCap: z.string() }),
    run: (c) => setRegionRatioCap(deps, c.audit, c.body.regionCode, c.body.defaultRatioCap),
  });

  publicApi.get({
    url: '/api/public/items',
    summary: '公示的抽查事项 / published items',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    query: publicItemQuerySchema,
    response: z.object({ items: z.array(publicItemSchema), total: z.int() }),
    run: async (c) => {
      const page = await listPublicItems(deps, c.query);
      return ok({ items: page.items.map((i) => publicItemSchema.parse(i)), total: page.total });
    },
  });

  publicApi.get({
    url: '/api/public/items/:id',
    summary: '公示的抽查事项及指引 / a published item and guideline',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    params: idParams,
    response: publicItemDetailSchema,
    run: async (c) => mapOk(await getPublicItem(deps, c.params.id), (v) => publicItemDetailSchema.parse(v)),
  });
}
