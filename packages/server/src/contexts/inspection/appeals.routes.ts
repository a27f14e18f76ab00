/**
 * /api/public/appeals and /api/appeals (异议 / 信用修复, issue 16 part 2): the business looks
 * up its published result by USCC and notice code and files an objection or a repair
 * application; leaders work the queue and decide; admins set each region's terms.
 */
import { appealTermsSchema, mapOk } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endpoints, publicAccess, rolesAccess, type ServiceDeps } from '../platform';
import { riskRegionSchema, regionSettingViewSchema } from '../risk';
import { appealCaseSchema, appealReceiptSchema, fileAppeal, lookupAppealCase } from './appeal-filing.service';
import {
  appealDecisionInputSchema,
  appealDetailSchema,
  appealListItemSchema,
  appealListQuerySchema,
  decideAppeal,
  getAppeal,
  getAppealAttachment,
  listAppealQueue,
} from './appeal-review.service';
import { appealFilingSchema, appealTerms, noticeKeySchema } from './appeal-view';

const STAFF = rolesAccess('leader', 'dept_admin', 'auditor', 'system_admin');
const idParams = z.object({ id: z.uuid() });
const termsView = regionSettingViewSchema(appealTermsSchema);

/** Register the appeal routes. */
export async function registerAppealRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  // the notice code is a secret of the business: per IP, as strict as logins, against guessing
  const guarded = {
    rateLimit: { max: deps.config.SSJ_LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 },
  };
  const portal = endpoints(app, 'public');
  portal.post({
    url: '/api/public/appeals/lookup',
    summary: '查询本企业的公示结果及异议、信用修复 / a business finds its result by USCC and notice code',
    access: publicAccess,
    config: guarded,
    body: noticeKeySchema,
    response: appealCaseSchema,
    run: (c) => lookupAppealCase(deps, c.body),
  });
  portal.post({
    url: '/api/public/appeals',
    summary: '提出异议或申请信用修复 / object to a published result, or apply for credit repair',
    access: publicAccess,
    config: guarded,
    // three attachments of about 3 MB each, as data URLs, and the JSON around them
    bodyLimit: 14 * 1024 * 1024,
    body: appealFilingSchema,
    response: appealReceiptSchema,
    status: 201,
    run: (c) => fileAppeal(deps, c.request.id, c.body),
  });

  const staff = endpoints(app, 'appeals');
  staff.get({
    url: '/api/appeals',
    summary: '异议与信用修复申请 / the queue of objections and repair applications',
    access: STAFF,
    query: appealListQuerySchema,
    response: z.object({ items: z.array(appealListItemSchema), total: z.number() }),
    run: (c) => listAppealQueue(deps, c.actor, c.query),
  });
  staff.get({
    url: '/api/appeals/:id',
    summary: '一件申请 / one application with its result, files and history',
    access: STAFF,
    params: idParams,
    response: appealDetailSchema,
    run: (c) => getAppeal(deps, c.actor, c.params.id),
  });
  staff.download({
    url: '/api/appeals/:id/attachments/:fileId',
    summary: '申请附件 / a file sent with an application',
    access: STAFF,
    params: z.object({ id: z.uuid(), fileId: z.uuid() }),
    contentTypes: ['image/jpeg', 'image/png', 'application/pdf'],
    run: async (c) =>
      mapOk(await getAppealAttachment(deps, c.actor, c.params.id, c.params.fileId), (f) => ({
        bytes: f.data,
        contentType: f.mime,
        fileName: f.fileName,
      })),
  });
  staff.post({
    url: '/api/appeals/:id/decision',
    summary: '处理申请 / decide: upheld, corrected or withdrawn; repair approved or rejected',
    access: rolesAccess('leader'),
    params: idParams,
    body: appealDecisionInputSchema,
    response: appealDetailSchema,
    run: (c) => decideAppeal(deps, c.audit, c.params.id, c.body),
  });

  staff.get({
    url: '/api/appeal-terms',
    summary: '异议与信用修复期限 / the working-day terms of a region',
    access: STAFF,
    query: z.object({ region: riskRegionSchema.optional() }),
    response: termsView,
    run: (c) => appealTerms.get(deps, c.actor, c.query.region ?? c.actor.regionCode),
  });
  staff.put({
    url: '/api/appeal-terms',
    summary: '设置期限 / set the terms of a region',
    access: rolesAccess('dept_admin', 'system_admin'),
    body: z.object({ regionCode: riskRegionSchema, config: appealTermsSchema }),
    response: termsView,
    run: (c) => appealTerms.put(deps, c.audit, c.body.regionCode, c.body.config),
  });
  staff.delete({
    url: '/api/appeal-terms',
    summary: '恢复继承 / drop the region’s own terms and inherit again',
    access: rolesAccess('dept_admin', 'system_admin'),
    query: z.object({ region: riskRegionSchema }),
    response: termsView,
    run: (c) => appealTerms.reset(deps, c.audit, c.query.region),
  });
}
