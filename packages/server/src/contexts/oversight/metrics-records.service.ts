/**
 * The records behind a dashboard chart (issue 6: every chart drills down): inspections, tasks or
 * follow-ups of the same region, department and period, narrowed by what was clicked, paginated
 * in SQL (keyed by the row's id so pages are stable).
 */
import { ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../platform';
import { recordsPage } from './metrics-records.repo';
import { metricsQuerySchema, metricsScope } from './metrics.service';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const recordsQuerySchema = metricsQuerySchema.extend({
  kind: z.enum(['inspections', 'tasks', 'followUps']),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  category: z.string().trim().min(1).max(60).optional(),
  problem: flag.optional(),
  inspector: z.string().trim().min(1).max(60).optional(),
  joint: flag.optional(),
  closed: flag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;

export const recordsSchema = z.object({
  kind: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Columns depend on the kind; every value is shown as text. */
  items: z.array(z.record(z.string(), z.string().nullable())),
});

/** A raw SQL value as display text (dates as ISO, arrays and objects as JSON). */
function s(v: unknown): string | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
      ? String(v)
      : JSON.stringify(v);
}

/** One page of the records behind a chart. */
export async function dashboardRecords(
  deps: ServiceDeps,
  actor: Actor,
  q: RecordsQuery,
): Promise<Result<z.infer<typeof recordsSchema>, DomainError>> {
  const sc = metricsScope(actor, q);
  if (!sc.ok) {
    return sc;
  }
  const rows = await recordsPage(deps.database.db, sc.value, q);
  const total = rows[0]?.total ?? 0;
  const items = rows.map((r) => {
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k !== 'total') {
        out[k] = s(v);
      }
    }
    return out;
  });
  return ok({ kind: q.kind, total, page: q.page, pageSize: q.pageSize, items });
}
