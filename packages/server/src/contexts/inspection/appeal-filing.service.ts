/**
 * The business's side of objections and credit repair (issue 16 part 2), on the portal without
 * an account: it names its USCC and the code on its inspection notice, sees its published
 * result with the appeals on it and what it may still file, and files one. Filing is one
 * transaction (the appeal, its attachments, the audit row); a wrong USCC or code is simply
 * "not found", so the pair reveals nothing.
 */
import {
  checkAppealFiling,
  domainError,
  err,
  isoDate,
  objectionLastDay,
  appealDueOn,
  ok,
  resultCategorySchema,
  type AppealKind,
  type AppealStatus,
  type DomainError,
  type IsoDate,
  type ResultCategory,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { inTransaction } from '../../db/tx';
import type { Db } from '../../db/client';
import { audit, chinaToday, findDepartment, loadHolidayTable, type ServiceDeps } from '../platform';
import { appealsOfInspection, findPublishedByNotice, insertAppeal } from './appeal.repo';
import {
  appealFilingSchema,
  appealSummarySchema,
  appealTerms,
  readAttachments,
  summaryOf,
  type AppealFiling,
} from './appeal-view';
import { findTask, listResults, lockInspection } from './inspection.repo';
import { loadVisitItems } from './inspection-view';

export const appealCaseSchema = z.object({
  inspectionId: z.uuid(),
  targetName: z.string(),
  taskTitle: z.string(),
  publishedOn: z.string(),
  results: z.array(z.object({ itemName: z.string(), category: resultCategorySchema.nullable() })),
  /** The last day to object (working days after publication, the region's terms). */
  objectionLastDay: z.string(),
  objectionWorkingDays: z.number(),
  /** What the business may file now, or why not (Chinese and English). */
  may: z.object({
    objection: z.object({
      allowed: z.boolean(),
      reasonZh: z.string().nullable(),
      reasonEn: z.string().nullable(),
    }),
    credit_repair: z.object({
      allowed: z.boolean(),
      reasonZh: z.string().nullable(),
      reasonEn: z.string().nullable(),
    }),
  }),
  appeals: z.array(appealSummarySchema),
});
export type AppealCase = z.infer<typeof appealCaseSchema>;

export const appealReceiptSchema = appealSummarySchema.extend({ inspectionId: z.uuid() });

const notFound = () =>
  domainError(
    'NOT_FOUND',
    '未找到对应的公示结果：请核对统一社会信用代码和检查通知书上的核验码',
    'no published result matches: check the USCC and the code on the inspection notice',
  );

interface Loaded {
  readonly inspection: NonNullable<Awaited<ReturnType<typeof findPublishedByNotice>>>;
  readonly leadDepartment: string;
  readonly region: string;
  readonly categories: ResultCategory[];
  readonly results: AppealCase['results'];
}

async function load(db: Db, key: { uscc: string; noticeCode: string }): Promise<Result<Loaded, DomainError>> {
  const found = await findPublishedByNotice(db, key.uscc, key.noticeCode);
  const task = found === undefined ? undefined : await findTask(db, found.inspection.taskId);
  if (found === undefined || task === undefined || found.inspection.publishedAt === null) {
    return err(notFound());
  }
  // `db` may be a transaction's one connection: one query at a time
  const rows = await listResults(db, found.inspection.id);
  const items = await loadVisitItems(db, task.id);
  const dept = await findDepartment(db, task.leadDepartmentCode);
  const categories = rows.flatMap((r) => resultCategorySchema.safeParse(r.category).data ?? []);
  return ok({
    inspection: found,
    leadDepartment: task.leadDepartmentCode,
    region: dept?.regionCode ?? 'all',
    categories,
    results: rows.map((r) => ({
      itemName: items.find((i) => i.itemId === r.itemId)?.name ?? '',
      category: resultCategorySchema.safeParse(r.category).data ?? null,
    })),
  });
}

/** The business's published result with its appeals and what it may file now. */
export async function lookupAppealCase(
  deps: ServiceDeps,
  key: { uscc: string; noticeCode: string },
): Promise<Result<AppealCase, DomainError>> {
  const db = deps.database.db;
  const loaded = await load(db, key);
  if (!loaded.ok) {
    return loaded;
  }
  const l = loaded.value;
  const i = l.inspection.inspection;
  const [appeals, terms, table] = await Promise.all([
    appealsOfInspection(db, i.id),
    appealTerms.resolve(db, l.region),
    loadHolidayTable(db),
  ]);
  const publishedOn = isoDate(chinaToday(i.publishedAt ?? deps.clock()));
  const facts = {
    publishedOn,
    today: isoDate(chinaToday(deps.clock())),
    categories: l.categories,
    onRecord: appeals.map((a) => ({ kind: a.kind as AppealKind, status: a.status as AppealStatus })),
  };
  const may = (kind: AppealKind) => {
    const r = checkAppealFiling(kind, facts, terms.config, table);
    return r.ok
      ? { allowed: true, reasonZh: null, reasonEn: null }
      : { allowed: false, reasonZh: r.error.messageZh, reasonEn: r.error.messageEn };
  };
  return ok({
    inspectionId: i.id,
    targetName: l.inspection.targetName,
    taskTitle: l.inspection.taskTitle,
    publishedOn,
    results: l.results,
    objectionLastDay: objectionLastDay(publishedOn, terms.config, table).date,
    objectionWorkingDays: terms.config.objectionWorkingDays,
    may: { objection: may('objection'), credit_repair: may('credit_repair') },
    appeals: appeals.map(summaryOf),
  });
}

/** File an objection or a credit-repair application: checked, stored with its files, assigned and audited at once. */
export async function fileAppeal(
  deps: ServiceDeps,
  requestId: string,
  body: AppealFiling,
): Promise<Result<z.infer<typeof appealReceiptSchema>, DomainError>> {
  const files = readAttachments(body.attachments);
  if (!files.ok) {
    return files;
  }
  const now = deps.clock();
  const today: IsoDate = isoDate(chinaToday(now));
  return inTransaction(deps.database.db, async (tx) => {
    const loaded = await load(tx, body);
    if (!loaded.ok) {
      return loaded;
    }
    const l = loaded.value;
    const i = l.inspection.inspection;
    // the visit row is the lock: two filings for one result take turns, so only one passes the rules
    await lockInspection(tx, i.id);
    // one connection in a transaction: one query at a time
    const appeals = await appealsOfInspection(tx, i.id);
    const terms = await appealTerms.resolve(tx, l.region);
    const table = await loadHolidayTable(tx);
    const check = checkAppealFiling(
      body.kind,
      {
        publishedOn: isoDate(chinaToday(i.publishedAt ?? now)),
        today,
        categories: l.categories,
        onRecord: appeals.map((a) => ({ kind: a.kind as AppealKind, status: a.status as AppealStatus })),
      },
      terms.config,
      table,
    );
    if (!check.ok) {
      return check;
    }
    const due = appealDueOn(today, terms.config, table);
    const saved = await insertAppeal(
      tx,
      {
        inspectionId: i.id,
        targetId: i.targetId,
        kind: body.kind,
        text: body.text,
        contact: body.contact,
        filedAt: now,
        dueOn: due.date,
        dueProvisional: due.provisional,
        assignedTo: i.reviewedBy,
      },
      files.value,
    );
    await audit(
      tx,
      { actor: null, requestId },
      {
        action: `appeal.filed`,
        entityType: 'result_appeal',
        entityId: saved.id,
        departmentCode: l.leadDepartment,
        after: {
          kind: body.kind,
          inspectionId: i.id,
          targetId: i.targetId,
          dueOn: due.date,
          attachments: files.value.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
        },
      },
      now,
    );
    return ok({ ...summaryOf(saved), inspectionId: i.id });
  });
}

export { appealFilingSchema };
