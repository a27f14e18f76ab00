/**
 * /api/items: the item list (随机抽查事项清单) with versions and guidelines; /api/item-settings:
 * the per-region default ratio cap; /api/public/items: published items for the portal.
 */
import { itemRevisionSchema, newItemSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  fileResponses,
  handle,
  publicAccess,
  responses,
  rolesAccess,
  sendError,
  sessionAccess,
  type ServiceDeps,
  auditContextOf,
  sendDownload,
} from '../platform';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/items',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '抽查事项清单 / item list',
        querystring: itemQuerySchema,
        response: responses(z.object({ items: z.array(itemSummarySchema), total: z.int() })),
      },
    },
    async (request, reply) => {
      const res = await listItems(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/items/export',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '导出抽查事项清单 / export items (xlsx or csv)',
        querystring: itemQuerySchema
          .omit({ limit: true, offset: true })
          .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: fileResponses(),
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const res = await exportItemSheet(deps, actorOf(request), q, format);
      return sendDownload(reply, res);
    },
  );

  r.post(
    '/api/items',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['items'],
        summary: '新建抽查事项 / create an item (version 1)',
        body: newItemSchema,
        response: responses(itemViewSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await createItem(deps, auditContextOf(request), request.body);
      return handle(reply, res, 201);
    },
  );

  r.get(
    '/api/items/:id',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '抽查事项及其指引 / an item with its guideline',
        params: idParams,
        response: responses(itemViewSchema),
      },
    },
    async (request, reply) => {
      const res = await getItem(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );

  r.patch(
    '/api/items/:id',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['items'],
        summary: '修订抽查事项或指引（生成新版本）/ revise an item or its guideline (new version)',
        params: idParams,
        body: itemRevisionSchema,
        response: responses(z.object({ item: itemViewSchema, changed: z.boolean() })),
      },
    },
    async (request, reply) => {
      const res = await reviseItem(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/items/:id/versions',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '版本历史 / version history',
        params: idParams,
        response: responses(z.object({ items: z.array(itemVersionViewSchema) })),
      },
    },
    async (request, reply) => {
      const res = await getItemHistory(deps, actorOf(request), request.params.id);
      return res.ok ? { items: res.value } : sendError(reply, res.error);
    },
  );

  r.get(
    '/api/items/:id/versions/:version',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '某一版本 / one version',
        params: idParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: responses(itemVersionViewSchema),
      },
    },
    async (request, reply) => {
      const res = await getItemVersion(deps, actorOf(request), request.params.id, request.params.version);
      return handle(reply, res);
    },
  );

  r.put(
    '/api/items/:id/published',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['items'],
        summary: '公示 / 撤回公示 / publish or unpublish',
        params: idParams,
        body: z.object({ published: z.boolean() }),
        response: responses(itemViewSchema),
      },
    },
    async (request, reply) => {
      const res = await setItemPublished(
        deps,
        auditContextOf(request),
        request.params.id,
        request.body.published,
      );
      return handle(reply, res);
    },
  );

  r.get(
    '/api/item-settings/ratio-cap',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['items'],
        summary: '默认抽查比例上限 / default ratio cap',
        querystring: z.object({ department: z.string().max(40).optional() }),
        response: responses(ratioDefaultSchema),
      },
    },
    async (request, reply) => {
      const res = await getRatioDefault(deps, actorOf(request), request.query.department);
      return handle(reply, res);
    },
  );

  r.put(
    '/api/item-settings/ratio-cap',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['items'],
        summary: '设置地区默认抽查比例上限 / set a region default ratio cap',
        body: z.object({
          regionCode: z.string().regex(/^\d{6}$/),
          defaultRatioCap: z.string().min(1).max(20),
        }),
        response: responses(z.object({ regionCode: z.string(), defaultRatioCap: z.string() })),
      },
    },
    async (request, reply) => {
      const res = await setRegionRatioCap(
        deps,
        auditContextOf(request),
        request.body.regionCode,
        request.body.defaultRatioCap,
      );
      return handle(reply, res);
    },
  );

  r.get(
    '/api/public/items',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '公示的抽查事项 / published items',
        querystring: publicItemQuerySchema,
        response: responses(z.object({ items: z.array(publicItemSchema), total: z.int() })),
      },
    },
    async (request) => {
      const page = await listPublicItems(deps, request.query);
      return { items: page.items.map((i) => publicItemSchema.parse(i)), total: page.total };
    },
  );

  r.get(
    '/api/public/items/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '公示的抽查事项及指引 / a published item and guideline',
        params: idParams,
        response: responses(publicItemDetailSchema),
      },
    },
    async (request, reply) => {
      const res = await getPublicItem(deps, request.params.id);
      return res.ok ? publicItemDetailSchema.parse(res.value) : sendError(reply, res.error);
    },
  );
}
