/**
 * /api/imports: spreadsheet imports (targets, inspectors, items, tiers, risk facts): templates,
 * upload → job, job progress and result, cancel, and the error report.
 */
import { mapOk } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  rolesAccess,
  sessionAccess,
  saveUpload,
  IMPORT_MODES,
  type ServiceDeps,
  endpoints,
} from '../platform';
import { importJobViewSchema, startImport } from './import.service';
import { cancelImportJob, getImportJob, importJobReport, importTemplate } from './import-job.service';

const kindSchema = z.enum(['targets', 'inspectors', 'items', 'tiers', 'risk-facts']);
const jobParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Register import routes. */
export async function registerImportRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const imports = endpoints(app, 'imports');

  imports.download({
    url: '/api/imports/templates/:kind',
    summary: '下载导入模板 / download a template (xlsx)',
    access: sessionAccess,
    params: z.object({ kind: kindSchema }),
    run: async (c) => mapOk(await importTemplate(c.params.kind), (t) => ({ ...t, contentType: XLSX })),
  });

  imports.post({
    url: '/api/imports',
    summary: '上传并导入 / upload a file (multipart) and start an import job',
    access: rolesAccess('system_admin', 'dept_admin'),
    query: z.object({
      kind: kindSchema,
      mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
      dryRun: z.enum(['true', 'false']).default('false'),
    }),
    response: z.object({ jobId: z.string() }),
    status: 201,
    run: async (c) => {
      const upload = await saveUpload(c.request);
      if (!upload.ok) {
        return upload;
      }
      const q = c.query;
      return startImport(deps, c.audit, q.kind, upload.value, q.mode, q.dryRun === 'true');
    },
  });

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

  imports.download({
    url: '/api/imports/jobs/:id/report',
    summary: '下载错误报告 / the error report (xlsx)',
    access: rolesAccess('system_admin', 'dept_admin', 'auditor'),
    params: jobParams,
    contentTypes: [XLSX],
    run: async (c) =>
      mapOk(await importJobReport(deps, c.actor, c.params.id), (r) => ({ ...r, contentType: XLSX })),
  });
}
