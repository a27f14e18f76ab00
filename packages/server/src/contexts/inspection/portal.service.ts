/**
 * The public portal's results (一公开, no login): keyset pages, search by USCC or name, and
 * one result's detail. Personal data is masked (legal representatives as 王某某, inspectors
 * by badge number); photos and signatures have no field here at all.
 */
import {
  domainError,
  err,
  FOLLOW_UP_KIND_LABELS,
  followUpKindSchema,
  maskFreeText,
  maskPersonName,
  ok,
  publicInspectorLabel,
  resultCategorySchema,
  sideOfTarget,
  summaryCategory,
  type DomainError,
  type ResultCategory,
  type Result,
  VISIT_METHOD_LABELS,
  visitMethodSchema,
  publicAppealLine,
  type AppealKind,
  type AppealStatus,
} from '@openssj/core';
import { newestAppeals, type AppealRow } from './appeal.repo';
import { z } from 'zod';
import { followUpsOfInspection } from './follow-up.repo';
import {
  departmentNames,
  findTargetRow,
  findTask,
  inspectorsByIds,
  listResults,
  taskDepartments,
  taskSideDepartments,
} from './inspection.repo';
import { listPhotoMeta } from './photo.repo';
import { countPublished, publishedPage, type PublishedFilter } from './publication.repo';
import { usccPrefixOf } from '../../db/target-filter';
import { type ServiceDeps, chinaToday } from '../platform';
import { visitSide } from './inspection-access';
import { loadVisitItems } from './inspection-view';
import { findPublishedInspection } from './inspection.repo';

/** The portal's line for a result's newest appeal (core decides the words). */
function appealLineOf(a: AppealRow | undefined) {
  return publicAppealLine(
    a === undefined
      ? null
      : { kind: a.kind as AppealKind, status: a.status as AppealStatus, effectiveFrom: a.effectiveFrom },
  );
}

export const publicResultRowSchema = z.object({
  id: z.string(),
  publishedAt: z.string(),
  inspectedOn: z.string().nullable(),
  targetName: z.string(),
  uscc: z.string().nullable(),
  taskId: z.string(),
  taskTitle: z.string(),
  departmentName: z.string(),
  category: resultCategorySchema.nullable(),
  /** The newest objection or credit repair on the result, e.g. 异议处理中 (issue 16 part 2); null when none. */
  appeal: z.string().nullable(),
});

export const publicResultPageSchema = z.object({
  items: z.array(publicResultRowSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  total: z.number(),
  totalExact: z.boolean(),
});

// 18 letters or digits: searched as a USCC (exact), not as part of a name
const USCC_SHAPE = /^[0-9A-Z]{18}$/;

function encodeCursor(key: string, id: string): string {
  return Buffer.from(`${key}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(c: string): Result<{ publishedKey: string; id: string }, DomainError> {
  const raw = Buffer.from(c, 'base64url').toString('utf8');
  const bar = raw.lastIndexOf('|');
  const key = raw.slice(0, bar);
  const id = raw.slice(bar + 1);
  if (
    bar < 0 ||
    !/^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/.test(key) ||
    !z.uuid().safeParse(id).success
  ) {
    return err(
      domainError('VALIDATION', '翻页参数无效', 'bad page cursor', {
        issues: [{ field: 'cursor', messageZh: '翻页参数无效', messageEn: 'bad cursor' }],
      }),
    );
  }
  return ok({ publishedKey: key, id });
}

function prefixOf(term: string): { usccPrefix?: string } {
  const p = usccPrefixOf(term);
  return p === undefined ? {} : { usccPrefix: p };
}

/** The filter of a portal search: `q` is a USCC (exact), its start, or part of a name. */
export function publicResultFilter(q: string | undefined, taskId: string | undefined): PublishedFilter {
  const term = (q ?? '').trim();
  return {
    ...(USCC_SHAPE.test(term.toUpperCase())
      ? { uscc: term.toUpperCase() }
      : term === ''
        ? {}
        : { name: term, ...prefixOf(term) }),
    ...(taskId === undefined ? {} : { taskId }),
  };
}

/** A page of published results, newest first; `q` is a USCC (exact), its start, or part of a name. */
export async function listPublicResults(
  deps: ServiceDeps,
  q: { q?: string | undefined; taskId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Result<z.infer<typeof publicResultPageSchema>, DomainError>> {
  const db = deps.database.db;
  const f = publicResultFilter(q.q, q.taskId);
  let after: { publishedKey: string; id: string } | undefined;
  if (q.cursor !== undefined && q.cursor !== '') {
    const c = decodeCursor(q.cursor);
    if (!c.ok) {
      return c;
    }
    after = c.value;
  }
  const count = await countPublished(db, f);
  const rows = await publishedPage(db, f, q.limit + 1, after, count.exact ? count.total : undefined);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  // issue 6: a cross-region task's result is published by the side holding the target
  const sided = await taskSideDepartments(db, [...new Set(page.map((r) => r.task_id))]);
  const names = new Map(
    [...sided.values()].flatMap((x) => x.departments.map((d) => [d.code, d.name] as const)),
  );
  const appeals = await newestAppeals(
    db,
    page.map((r) => r.id),
  );
  const publisher = (r: (typeof page)[number]): string => {
    const x = sided.get(r.task_id);
    const side = x === undefined ? null : sideOfTarget(x.crossRegion, x.departments, r.division_code);
    return side === null ? r.lead_department_name : side.departments.map((c) => names.get(c) ?? c).join('、');
  };
  return ok({
    items: page.map((r) => ({
      id: r.id,
      publishedAt: r.published_at.toISOString(),
      inspectedOn: r.visited_at === null ? null : chinaToday(r.visited_at),
      targetName: r.target_name,
      uscc: r.uscc,
      taskId: r.task_id,
      taskTitle: r.task_title,
      departmentName: publisher(r),
      category: summaryCategory(
        (r.categories ?? []).flatMap((c) => resultCategorySchema.safeParse(c).data ?? []),
      ),
      appeal: appealLineOf(appeals.get(r.id))?.zh ?? null,
    })),
    nextCursor:
      rows.length > q.limit && last !== undefined ? encodeCursor(last.published_key, last.id) : null,
    total: count.total,
    totalExact: count.exact,
  });
}

export const publicResultDetailSchema = z.object({
  id: z.string(),
  publishedAt: z.string(),
  inspectedOn: z.string().nullable(),
  target: z.object({
    name: z.string(),
    uscc: z.string().nullable(),
    type: z.string(),
    address: z.string(),
    legalRep: z.string(),
  }),
  task: z.object({ id: z.string(), title: z.string(), windowStart: z.string(), windowEnd: z.string() }),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Badge numbers only (执法证号). */
  inspectors: z.array(z.string()),
  /** On site, or remote (非现场检查, issue 15): the method's name, never the record's free text. */
  method: visitMethodSchema,
  methodLabel: z.string(),
  /** The newest objection or credit repair and its outcome (issue 16 part 2); null when none. */
  appeal: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** Each photo's SHA-256 and time, as the transparency log holds them; never the photo or where it was taken. */
  evidence: z.array(z.object({ sha256: z.string(), takenAt: z.string() })),
  results: z.array(
    z.object({
      itemName: z.string(),
      departmentName: z.string(),
      category: resultCategorySchema.nullable(),
      categoryNote: z.string().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      kind: followUpKindSchema,
      label: z.string(),
      labelEn: z.string(),
      status: z.enum(['open', 'closed']),
    }),
  ),
});
export type PublicResultDetail = z.infer<typeof publicResultDetailSchema>;

/** One published result; anything unpublished is simply not found. */
export async function getPublicResult(
  deps: ServiceDeps,
  id: string,
): Promise<Result<PublicResultDetail, DomainError>> {
  const db = deps.database.db;
  const notFound = err(domainError('NOT_FOUND', '未找到该公示结果', 'no such published result'));
  const i = await findPublishedInspection(db, id);
  if (i === undefined || i.publishedAt === null) {
    return notFound;
  }
  const task = await findTask(db, i.taskId);
  if (task === undefined) {
    return notFound;
  }
  const side = task.crossRegion ? await visitSide(db, task.id, i.targetId) : null;
  const depts = side?.departments ?? (await taskDepartments(db, task));
  const [target, team, results, items, follow, photos, appeals] = await Promise.all([
    findTargetRow(db, i.targetId),
    inspectorsByIds(db, i.inspectors),
    listResults(db, i.id),
    loadVisitItems(db, i.taskId),
    followUpsOfInspection(db, i.id),
    listPhotoMeta(db, i.id),
    newestAppeals(db, [i.id]),
  ]);
  const method = visitMethodSchema.catch('onsite').parse(i.method);
  const names = await departmentNames(db, [...new Set([...depts, ...results.map((r) => r.departmentCode)])]);
  return ok({
    id: i.id,
    publishedAt: i.publishedAt.toISOString(),
    inspectedOn: i.visitedAt === null ? null : chinaToday(i.visitedAt),
    target: {
      name: target?.name ?? '',
      uscc: target?.uscc ?? null,
      type: target?.type ?? '',
      address: target?.address ?? '',
      legalRep: maskPersonName(target?.legalRep),
    },
    task: { id: task.id, title: task.title, windowStart: task.windowStart, windowEnd: task.windowEnd },
    departments: depts.map((code) => ({ code, name: names.get(code) ?? code })),
    inspectors: i.inspectors.map((id) => {
      const p = team.find((t) => t.id === id);
      return publicInspectorLabel({ badgeNo: p?.badgeNo ?? null, expert: p?.expert ?? false });
    }),
    method,
    methodLabel: VISIT_METHOD_LABELS[method].zh,
    appeal: appealLineOf(appeals.get(i.id)),
    evidence: photos.map((p) => ({ sha256: p.sha256, takenAt: p.takenAt.toISOString() })),
    results: results.map((r) => {
      const cat: ResultCategory | null = resultCategorySchema.safeParse(r.category).data ?? null;
      return {
        itemName: items.find((it) => it.itemId === r.itemId)?.name ?? '',
        departmentName: names.get(r.departmentCode) ?? r.departmentCode,
        category: cat,
        categoryNote: r.categoryNote === null ? null : maskFreeText(r.categoryNote),
      };
    }),
    followUps: follow.map((f) => {
      const kind = followUpKindSchema.parse(f.kind);
      return {
        kind,
        label: FOLLOW_UP_KIND_LABELS[kind].zh,
        labelEn: FOLLOW_UP_KIND_LABELS[kind].en,
        status: f.status === 'closed' ? ('closed' as const) : ('open' as const),
      };
    }),
  });
}
