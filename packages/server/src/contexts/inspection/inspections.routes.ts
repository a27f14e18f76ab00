/**
 * /api/inspections: the inspector's visits on a phone (检查 / 掌上通): lists, the visit,
 * draft saves (version-checked), confirmations, the business's signature, photos, submit.
 */
import { businessSignatureSchema, gpsSchema, itemResultInputSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  fileResponses,
  handle,
  responses,
  rolesAccess,
  sendError,
  sessionAccess,
  type ServiceDeps,
  auditContextOf,
} from '../platform';
import {
  addPhoto,
  getPhoto,
  photoInputSchema,
  photoMetaSchema,
  removePhoto,
} from './inspection-photo.service';
import { visitViewSchema } from './inspection-view';
import {
  confirmVisit,
  getVisit,
  listDepartmentVisits,
  listMyVisits,
  saveDraft,
  signVisit,
  submitVisit,
  visitListItemSchema,
} from './inspection.service';
import { confirmOnDevice, issueConfirmationCode, teammateConfirmSchema } from './teammate-confirm.service';

const INSPECTOR = rolesAccess('inspector');
const idParams = z.object({ id: z.uuid() });
const versionBody = z.object({ version: z.int().min(1) });

/** Register inspection routes. */
export async function registerInspectionRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inspections/mine',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary: '我的检查（今日与待检查）/ my visits, today and upcoming',
        querystring: z.object({ done: z.enum(['true', 'false']).default('false') }),
        response: responses(z.object({ items: z.array(visitListItemSchema) })),
      },
    },
    async (request) => ({ items: await listMyVisits(deps, actorOf(request), request.query.done === 'true') }),
  );

  r.get(
    '/api/inspections',
    {
      config: { access: rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor') },
      schema: {
        tags: ['inspections'],
        summary: '本部门任务的检查 / visits of the department’s tasks',
        querystring: z.object({
          status: z
            .enum(['assigned', 'in_progress', 'submitted', 'returned', 'approved', 'published'])
            .optional(),
          taskId: z.string().max(60).optional(),
        }),
        response: responses(z.object({ items: z.array(visitListItemSchema) })),
      },
    },
    async (request) => ({ items: await listDepartmentVisits(deps, actorOf(request), request.query) }),
  );

  r.get(
    '/api/inspections/:id',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['inspections'],
        summary: '检查详情 / a visit',
        params: idParams,
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await getVisit(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );

  r.put(
    '/api/inspections/:id/draft',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary: '保存检查记录（草稿）/ save the record; a stale version gets 409 with the server copy',
        params: idParams,
        body: z.object({
          version: z.int().min(1),
          results: z.array(itemResultInputSchema).max(200),
          gps: gpsSchema.optional(),
        }),
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await saveDraft(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );

  r.post(
    '/api/inspections/:id/confirm',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary: '检查人员确认 / an inspector confirms',
        params: idParams,
        body: versionBody,
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await confirmVisit(deps, auditContextOf(request), request.params.id, request.body.version);
      return handle(reply, res);
    },
  );

  r.post(
    '/api/inspections/:id/confirm-on-device',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary:
          '同事在本机确认（本人账号密码或一次性确认码，不替换本机会话）/ a teammate confirms on this phone (own password or a one-time code)',
        params: idParams,
        body: teammateConfirmSchema,
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await confirmOnDevice(
        deps,
        { ...auditContextOf(request), ip: request.ip },
        request.params.id,
        request.body,
      );
      return handle(reply, res);
    },
  );

  r.post(
    '/api/inspections/:id/confirmation-codes',
    {
      config: { access: rolesAccess('leader', 'dept_admin') },
      schema: {
        tags: ['inspections'],
        summary: '为检查组执法人员发放一次性确认码（6 位，30 分钟）/ issue a one-time confirmation code',
        params: idParams,
        body: z.object({ inspectorId: z.string().trim().min(1).max(60) }),
        response: responses(
          z.object({ inspectorId: z.string(), name: z.string(), code: z.string(), expiresAt: z.string() }),
          201,
        ),
      },
    },
    async (request, reply) => {
      const res = await issueConfirmationCode(
        deps,
        auditContextOf(request),
        request.params.id,
        request.body.inspectorId,
      );
      return handle(reply, res, 201);
    },
  );

  r.put(
    '/api/inspections/:id/signature',
    {
      config: { access: INSPECTOR },
      // a drawn signature as a data URL (SIGNATURE_MAX_CHARS) and its JSON envelope
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ['inspections'],
        summary: '企业签字确认或拒签 / the business signs or refuses',
        params: idParams,
        body: z.object({ version: z.int().min(1), signature: businessSignatureSchema }),
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await signVisit(
        deps,
        auditContextOf(request),
        request.params.id,
        request.body.version,
        request.body.signature,
      );
      return handle(reply, res);
    },
  );

  r.post(
    '/api/inspections/:id/submit',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary: '提交复核 / submit for review (idempotent)',
        params: idParams,
        body: versionBody,
        response: responses(visitViewSchema),
      },
    },
    async (request, reply) => {
      const res = await submitVisit(deps, auditContextOf(request), request.params.id, request.body.version);
      return handle(reply, res);
    },
  );

  r.post(
    '/api/inspections/:id/photos',
    {
      config: { access: INSPECTOR },
      // one photo as a data URL (PHOTO_MAX_CHARS) and its JSON envelope
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['inspections'],
        summary: '上传现场照片 / add a photo (idempotent by id)',
        params: idParams,
        body: photoInputSchema,
        response: responses(photoMetaSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await addPhoto(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res, 201);
    },
  );

  r.get(
    '/api/inspections/:id/photos/:photoId',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['inspections'],
        summary: '现场照片（不公开）/ a photo (never public)',
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        response: fileResponses(['image/jpeg', 'image/png', 'image/webp']),
      },
    },
    async (request, reply) => {
      const res = await getPhoto(deps, actorOf(request), request.params.id, request.params.photoId);
      if (!res.ok) {
        return sendError(reply, res.error);
      }
      return reply
        .header('content-type', res.value.mime)
        .header('cache-control', 'private, max-age=3600')
        .send(res.value.data);
    },
  );

  r.delete(
    '/api/inspections/:id/photos/:photoId',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['inspections'],
        summary: '删除照片 / remove a photo',
        params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        response: responses(z.object({ removed: z.string() })),
      },
    },
    async (request, reply) => {
      const res = await removePhoto(deps, auditContextOf(request), request.params.id, request.params.photoId);
      return handle(reply, res);
    },
  );
}
