/**
 * /api/risk-alerts and /api/alert-sources (issue 16 part 1): the signed intake for partner
 * systems, the triage queue and its summary, and the sources with their keys.
 */
import { alertPayloadSchema } from '@openssj/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { endpoints, publicAccess, rolesAccess, type ServiceDeps } from '../../platform';
import { intakeReplySchema, receiveAlert } from './alert-intake.service';
import {
  alertListQuerySchema,
  alertSourceViewSchema,
  alertSummary,
  alertSummarySchema,
  alertViewSchema,
  createSource,
  listAlertQueue,
  newSourceSchema,
  rotateSourceKey,
  setSourceActive,
  sourceSecretSchema,
  triage,
  triageBodySchema,
} from './alert-queue.service';

const READERS = rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin');
const TRIAGERS = rolesAccess('dept_admin', 'leader', 'system_admin');
const ADMINS = rolesAccess('dept_admin', 'system_admin');
/** An alert is small: 64 KiB is far more than the largest documented body. */
const INTAKE_BODY_LIMIT = 64 * 1024;

const rawBodies = new WeakMap<FastifyRequest, string>();

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Register the alert routes. */
export async function registerAlertRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  // The intake keeps the raw body: the signature is over the bytes the partner sent.
  await app.register(async (intake) => {
    intake.removeContentTypeParser('application/json');
    intake.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: INTAKE_BODY_LIMIT },
      (request, body, done) => {
        const raw = typeof body === 'string' ? body : body.toString('utf8');
        rawBodies.set(request, raw);
        try {
          done(null, JSON.parse(raw));
        } catch (e) {
          done(e instanceof Error ? e : new SyntaxError('invalid JSON'), undefined);
        }
      },
    );
    endpoints(intake, 'risk-alerts').post({
      url: '/api/risk-alerts/intake',
      summary: '接收风险预警（合作系统）/ take a risk alert from a partner system (signed)',
      description:
        'Headers: X-SSJ-Source (the source id), X-SSJ-Timestamp (unix seconds, within 5 minutes), ' +
        'X-SSJ-Signature (hex HMAC-SHA256 of "<timestamp>.<raw body>" with the source key), ' +
        'Idempotency-Key (1–128 visible ASCII; a repeat is stored once and answered with the stored alert).',
      access: publicAccess,
      // partners send in bursts (200/s in the bench); each request is signed, so the anonymous limit does not apply
      config: { rateLimit: { max: 60_000, timeWindow: 60_000 } },
      bodyLimit: INTAKE_BODY_LIMIT,
      body: alertPayloadSchema,
      response: intakeReplySchema,
      status: 201,
      run: (c) =>
        receiveAlert(
          deps,
          {
            sourceId: header(c.request, 'x-ssj-source'),
            timestamp: header(c.request, 'x-ssj-timestamp'),
            signature: header(c.request, 'x-ssj-signature'),
            idempotencyKey: header(c.request, 'idempotency-key'),
            rawBody: rawBodies.get(c.request) ?? '',
          },
          c.request.id,
        ),
    });
  });

  const api = endpoints(app, 'risk-alerts');
  api.get({
    url: '/api/risk-alerts',
    summary: '风险预警队列 / the alert queue of the sources the caller may read, newest first',
    access: READERS,
    query: alertListQuerySchema,
    response: z.object({ items: z.array(alertViewSchema), total: z.number() }),
    run: (c) => listAlertQueue(deps, c.actor, c.query),
  });

  api.get({
    url: '/api/risk-alerts/summary',
    summary: '预警来源统计 / counts per source and status, and alerts per day',
    access: READERS,
    query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
    response: alertSummarySchema,
    run: (c) => alertSummary(deps, c.actor, c.query.days),
  });

  api.post({
    url: '/api/risk-alerts/:id/triage',
    summary: '处置预警 / verify, dismiss (with a reason) or refer an alert',
    access: TRIAGERS,
    params: z.object({ id: z.uuid() }),
    body: triageBodySchema,
    response: alertViewSchema,
    run: (c) => triage(deps, c.audit, c.params.id, c.body),
  });

  api.post({
    url: '/api/alert-sources',
    summary: '登记预警来源 / register a partner source; its signing key is shown once',
    access: ADMINS,
    body: newSourceSchema,
    response: sourceSecretSchema,
    status: 201,
    run: (c) => createSource(deps, c.audit, c.body),
  });

  api.post({
    url: '/api/alert-sources/:id/rotate-key',
    summary: '更换签名密钥 / a new signing key for a source (the old one stops at once)',
    access: ADMINS,
    params: z.object({ id: z.string().max(40) }),
    response: sourceSecretSchema,
    run: (c) => rotateSourceKey(deps, c.audit, c.params.id),
  });

  api.put({
    url: '/api/alert-sources/:id/active',
    summary: '启用或停用预警来源 / switch a source on or off',
    access: ADMINS,
    params: z.object({ id: z.string().max(40) }),
    body: z.object({ active: z.boolean() }),
    response: alertSourceViewSchema,
    run: (c) => setSourceActive(deps, c.audit, c.params.id, c.body.active),
  });
}
