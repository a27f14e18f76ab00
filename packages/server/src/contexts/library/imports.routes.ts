/**
 * /api/imports: spreadsheet imports (targets, inspectors, items, tiers, risk facts): templates,
 * upload → job, job progress and result, cancel, and the error report.
 */
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
  attachment,
  saveUpload,
  IMPORT_MODES,
  type ServiceDeps,
  endpoints,
} from '../platform';
import {
  cancelImportJob,
  getImportJob,
  importJobReport,
  importJobViewSchema,
  importTemplate,
  startImport,
} from './import.service';

const kindSchema = z.enum(['targets', 'inspectors', 'items', 'tiers', 'risk-facts']);
const jobParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Register import routes. */
export async function registerImportRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const imports = endpoints(app, 'imports');

  r.get(
    '/api/imports/templates/:kind',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['imports'],
        summary: '下载导入模板 / download a template (xlsx)',
        params: z.object({ kind: kindSchema }),
        response: fileResponses(),
      },
    },
    async (request, reply) => {
      const res = await importTemplate(request.params.kind);
      return res.ok
        ? reply
            .header('content-type', XLSX)
            .header('content-disposition', attachment(res.value.fileName))
            .send(res.value.bytes)
        : sendError(reply, res.error);
    },
  );

  r.post(
    '/api/imports',
    {
      config: { access: rolesAccess('system_admin', 'dept_admin') },
      schema: {
        tags: ['imports'],
        summary: '上传并导入 / upload a file (multipart) and start an import job',
        querystring: z.object({
          kind: kindSchema,
          mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
          dryRun: z.enum(['true', 'false']).default('false'),
        }),
        response: responses(z.object({ jobId: z.string() }), 201),
      },
    },
    async (request, reply) => {
      const upload = await saveUpload(request);
      if (!upload.ok) {
        return sendError(reply, upload.error);
      }
      const q = request.query;
      const res = await startImport(
        deps,
        { actor: actorOf(request), requestId: request.id },
        q.kind,
        upload.value,
        q.mode,
        q.dryRun === 'true',
      );
      return handle(reply, res, 201);
    },
  );

  imports.get({
    url: '/api/imports/jobs/:id',
    summary: '导入进度与结果 / an import job: progress, counts, issues',
    access: rolesAccess('system_admin', 'dept_admin', 'auditor'),
    params: jobParams,
    response: importJobViewSchema,
    run: (c) => getImportJob(deps, c.actor, c.params.id),
  });

  imports.post({
    url: '/api/imports/jobs/:id/cancel',
    summary: '取消导入 / cancel a running import (nothing is written)',
    access: rolesAccess('system_admin', 'dept_admin'),
    params: jobParams,
    response: z.object({ cancelled: z.boolean() }),
    run: (c) => cancelImportJob(deps, c.actor, c.params.id),
  });

  r.get(
    '/api/imports/jobs/:id/report',
    {
      config: { access: rolesAccess('system_admin', 'dept_admin', 'auditor') },
      schema: {
        tags: ['imports'],
        summary: '下载错误报告 / the error report (xlsx)',
        params: jobParams,
        response: fileResponses([XLSX]),
      },
    },
    async (request, reply) => {
      const res = await importJobReport(deps, actorOf(request), request.params.id);
      return res.ok
        ? reply
            .header('content-type', XLSX)
            .header('content-disposition', attachment(res.value.fileName))
            .send(res.value.bytes)
        : sendError(reply, res.error);
    },
  );
}
