/**
 * /api/inspections: the inspector's visits on a phone (检查 / 掌上通): lists, the visit,
 * draft saves (version-checked), confirmations, the business's signature, the method (on site or
 * remote), photos with their SHA-256, submit.
 */
import {
  businessSignatureSchema,
  gpsSchema,
  visitMethodSchema,
  itemResultInputSchema,
  mapOk,
  ok,
  REMOTE_EVIDENCE_MAX,
} from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
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
  saveDraft,
  setVisitMethod,
  signVisit,
  submitVisit,
} from './inspection.service';
import { listDepartmentVisits, listMyVisits, visitListItemSchema } from './visit-list.service';
import { confirmOnDevice, issueConfirmationCode, teammateConfirmSchema } from './teammate-confirm.service';

const INSPECTOR = rolesAccess('inspector');
const idParams = z.object({ id: z.uuid() });
const versionBody = z.object({ version: z.int().min(1) });

/** Register inspection routes. */
export async function registerInspectionRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const inspections = endpoints(app, 'inspections');
  inspections.get({
    url: '/api/inspections/mine',
    summary: '我的检查（今日与待检查）/ my visits, today and upcoming',
    access: INSPECTOR,
    query: z.object({ done: z.enum(['true', 'false']).default('false') }),
    response: z.object({ items: z.array(visitListItemSchema) }),
    run: async (c) => ok({ items: await listMyVisits(deps, c.actor, c.query.done === 'true') }),
  });

  inspections.get({
    url: '/api/inspections',
    summary: '本部门任务的检查 / visits of the department’s tasks',
    access: rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor'),
    query: z.object({
      status: z
        .enum(['assigned', 'in_progress', 'submitted', 'returned', 'approved', 'published'])
        .optional(),
      taskId: z.string().max(60).optional(),
      /** Only visits whose team still confirms the record: assigned, in progress or returned. */
      underWay: z.enum(['true', 'false']).optional(),
    }),
    response: z.object({ items: z.array(visitListItemSchema) }),
    run: async (c) =>
      ok({
        items: await listDepartmentVisits(deps, c.actor, {
          status: c.query.status,
          taskId: c.query.taskId,
          underWay: c.query.underWay === 'true',
        }),
      }),
  });

  inspections.get({
    url: '/api/inspections/:id',
    summary: '检查详情 / a visit',
    access: sessionAccess,
    params: idParams,
    response: visitViewSchema,
    run: (c) => getVisit(deps, c.actor, c.params.id),
  });

  inspections.put({
    url: '/api/inspections/:id/draft',
    summary: '保存检查记录（草稿）/ save the record; a stale version gets 409 with the server copy',
    access: INSPECTOR,
    params: idParams,
    body: z.object({
      version: z.int().min(1),
      results: z.array(itemResultInputSchema).max(200),
      gps: gpsSchema.optional(),
    }),
    response: visitViewSchema,
    run: (c) => saveDraft(deps, c.audit, c.params.id, c.body),
  });

  inspections.post({
    url: '/api/inspections/:id/confirm',
    summary: '检查人员确认 / an inspector confirms',
    access: INSPECTOR,
    params: idParams,
    body: versionBody,
    response: visitViewSchema,
    run: (c) => confirmVisit(deps, c.audit, c.params.id, c.body.version),
  });

  inspections.post({
    url: '/api/inspections/:id/confirm-on-device',
    summary:
      '同事在本机确认（本人账号密码或一次性确认码，不替换本机会话）/ a teammate confirms on this phone (own password or a one-time code)',
    access: INSPECTOR,
    params: idParams,
    body: teammateConfirmSchema,
    response: visitViewSchema,
    run: (c) => confirmOnDevice(deps, { ...c.audit, ip: c.request.ip }, c.params.id, c.body),
  });

  inspections.post({
    url: '/api/inspections/:id/confirmation-codes',
    summary: '为检查组执法人员发放一次性确认码（6 位，30 分钟）/ issue a one-time confirmation code',
    access: rolesAccess('leader', 'dept_admin'),
    params: idParams,
    body: z.object({ inspectorId: z.string().trim().min(1).max(60) }),
    response: z.object({
      inspectorId: z.string(),
      name: z.string(),
      code: z.string(),
      expiresAt: z.string(),
    }),
    status: 201,
    run: (c) => issueConfirmationCode(deps, c.audit, c.params.id, c.body.inspectorId),
  });

  inspections.put({
    url: '/api/inspections/:id/signature',
    summary: '企业签字确认或拒签 / the business signs or refuses',
    access: INSPECTOR,
    params: idParams,
    body: z.object({ version: z.int().min(1), signature: businessSignatureSchema }),
    // a drawn signature as a data URL (SIGNATURE_MAX_CHARS) and its JSON envelope
    bodyLimit: 2 * 1024 * 1024,
    response: visitViewSchema,
    run: (c) => signVisit(deps, c.audit, c.params.id, c.body.version, c.body.signature),
  });

  inspections.put({
    url: '/api/inspections/:id/method',
    summary: '检查方式：现场或非现场（书面审查、视频检查）/ on site or remote, with what was reviewed',
    access: INSPECTOR,
    params: idParams,
    body: z.object({
      version: z.int().min(1),
      method: visitMethodSchema,
      remoteEvidence: z.string().max(REMOTE_EVIDENCE_MAX).nullable().default(null),
    }),
    response: visitViewSchema,
    run: (c) => setVisitMethod(deps, c.audit, c.params.id, c.body),
  });

  inspections.post({
    url: '/api/inspections/:id/submit',
    summary: '提交复核 / submit for review (idempotent)',
    access: INSPECTOR,
    params: idParams,
    body: versionBody,
    response: visitViewSchema,
    run: (c) => submitVisit(deps, c.audit, c.params.id, c.body.version),
  });

  inspections.post({
    url: '/api/inspections/:id/photos',
    summary: '上传现场照片 / add a photo (idempotent by id)',
    access: INSPECTOR,
    params: idParams,
    body: photoInputSchema,
    // one photo as a data URL (PHOTO_MAX_CHARS) and its JSON envelope
    bodyLimit: 6 * 1024 * 1024,
    response: photoMetaSchema,
    status: 201,
    run: (c) => addPhoto(deps, c.audit, c.params.id, c.body),
  });

  inspections.download({
    url: '/api/inspections/:id/photos/:photoId',
    summary: '现场照片（不公开）/ a photo (never public)',
    access: sessionAccess,
    params: z.object({ id: z.uuid(), photoId: z.uuid() }),
    contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
    run: async (c) => {
      const res = await getPhoto(deps, c.actor, c.params.id, c.params.photoId);
      if (res.ok) {
        c.reply.header('cache-control', 'private, max-age=3600');
      }
      return mapOk(res, (photo) => ({ bytes: photo.data, contentType: photo.mime }));
    },
  });

  inspections.delete({
    url: '/api/inspections/:id/photos/:photoId',
    summary: '删除照片 / remove a photo',
    access: INSPECTOR,
    params: z.object({ id: z.uuid(), photoId: z.uuid() }),
    response: z.object({ removed: z.string() }),
    run: (c) => removePhoto(deps, c.audit, c.params.id, c.params.photoId),
  });
}
