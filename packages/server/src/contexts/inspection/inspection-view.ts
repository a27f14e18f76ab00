/**
 * The visit as the console sees it (staff only): target, team with confirmations, the
 * task's items with their checklist forms, results, photo metadata, signature, follow-ups
 * with suggestions, the task's publication countdown and the 联合总表 across departments.
 */
import {
  answerValueSchema,
  businessSignatureSchema,
  checklistFieldSchema,
  confirmationSchema,
  defaultChecklistForm,
  followUpKindSchema,
  gpsSchema,
  guidelineSchema,
  visitMethodSchema,
  inspectionStatusSchema,
  isoDate,
  publicationCountdown,
  resultCategorySchema,
  suggestFollowUps,
  summaryCategory,
  type ChecklistForm,
  type ResultCategory,
  type VisitItem,
} from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { followUpsOfInspection, type FollowUpRow } from './follow-up.repo';
import {
  departmentNames,
  findTargetRow,
  inspectorsByIds,
  listResults,
  taskItemVersions,
  type ResultRow,
} from './inspection.repo';
import { listPhotoMeta } from './photo.repo';
import { chinaToday, loadHolidayTable } from '../platform';
import { recordingDepartments, type InspectionAccess } from './inspection-access';
import { photoView, photoViewSchema } from './evidence';

export const countdownSchema = z.object({
  deadline: z.string(),
  provisional: z.boolean(),
  workingDaysLeft: z.number(),
  overdue: z.boolean(),
});

export const followUpViewSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  targetId: z.string(),
  departmentCode: z.string(),
  kind: followUpKindSchema,
  detail: z.string(),
  itemId: z.string().nullable(),
  notifyDepartmentCode: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closingNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

export const resultViewSchema = z.object({
  itemId: z.string(),
  departmentCode: z.string(),
  category: resultCategorySchema.nullable(),
  categoryNote: z.string().nullable(),
  notes: z.string().nullable(),
  answers: z.record(z.string(), answerValueSchema),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const visitViewSchema = z.object({
  id: z.string(),
  status: inspectionStatusSchema,
  version: z.number(),
  /** The code on the visit's inspection notice (issue 16 part 2): staff can tell it to a business that lost its notice. */
  noticeCode: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
  leadDepartmentCode: z.string(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Cross-region task (issue 6): the side the visit belongs to (the target's region); null otherwise. */
  side: z
    .object({ departmentCode: z.string(), departmentName: z.string(), regionCode: z.string() })
    .nullable(),
  drawId: z.string(),
  plannedDate: z.string().nullable(),
  visitedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  target: z.object({
    id: z.string(),
    uscc: z.string().nullable(),
    name: z.string(),
    address: z.string(),
    legalRep: z.string().nullable(),
    divisionCode: z.string(),
  }),
  team: z.array(
    z.object({
      inspectorId: z.string(),
      name: z.string(),
      badgeNo: z.string().nullable(),
      departmentCode: z.string(),
      expert: z.boolean(),
      confirmed: z.boolean(),
    }),
  ),
  me: z.object({
    inspectorIds: z.array(z.string()),
    recordDepartments: z.array(z.string()),
    onTeam: z.boolean(),
    canReview: z.boolean(),
    canPublish: z.boolean(),
    canFollowUp: z.boolean(),
  }),
  items: z.array(
    z.object({
      itemId: z.string(),
      version: z.number(),
      name: z.string(),
      departmentCode: z.string(),
      whatToCheck: z.string(),
      how: z.string(),
      legalBasis: z.string(),
      form: z.array(checklistFieldSchema),
    }),
  ),
  results: z.array(resultViewSchema),
  photos: z.array(photoViewSchema),
  gps: gpsSchema.nullable(),
  confirmations: z.array(confirmationSchema),
  businessSignature: businessSignatureSchema.nullable(),
  method: visitMethodSchema,
  remoteEvidence: z.string().nullable(),
  followUps: z.array(followUpViewSchema),
  suggestions: z.array(
    z.object({
      itemId: z.string(),
      kind: followUpKindSchema,
      deadline: z.string().nullable(),
      provisional: z.boolean(),
      reasonZh: z.string(),
      reasonEn: z.string(),
    }),
  ),
  countdown: countdownSchema,
  jointSummary: z.array(
    z.object({
      departmentCode: z.string(),
      departmentName: z.string(),
      items: z.number(),
      recorded: z.number(),
      summaryCategory: resultCategorySchema.nullable(),
    }),
  ),
});
export type VisitView = z.infer<typeof visitViewSchema>;

export interface VisitItemFull extends VisitItem {
  readonly version: number;
  readonly whatToCheck: string;
  readonly how: string;
  readonly legalBasis: string;
}

/** The task's items with their parsed guideline (a malformed one falls back to the default form). */
export async function loadVisitItems(db: Db, taskId: string): Promise<VisitItemFull[]> {
  const rows = await taskItemVersions(db, taskId);
  return rows.map((r) => {
    const g = guidelineSchema.safeParse(r.guideline);
    const form: ChecklistForm = g.success ? g.data.form : defaultChecklistForm();
    return {
      itemId: r.itemId,
      version: r.version,
      name: r.name,
      departmentCode: r.departmentCode,
      whatToCheck: g.success ? g.data.whatToCheck : '',
      how: g.success ? g.data.how : '',
      legalBasis: g.success ? g.data.legalBasis : r.legalBasis,
      form,
    };
  });
}

/** The items of a visit: in a cross-region task only those of the visit's side (异地同标: each side's copy of the agreed list). */
export async function loadItemsOfVisit(
  db: Db,
  a: Pick<InspectionAccess, 'inspection' | 'handling'>,
): Promise<VisitItemFull[]> {
  return (await loadVisitItems(db, a.inspection.taskId)).filter((it) =>
    a.handling.includes(it.departmentCode),
  );
}

/** A results row parsed (jsonb and category checked with zod). */
export function parseResultRow(r: ResultRow): z.infer<typeof resultViewSchema> {
  return {
    itemId: r.itemId,
    departmentCode: r.departmentCode,
    category: resultCategorySchema.nullable().catch(null).parse(r.category),
    categoryNote: r.categoryNote,
    notes: r.notes,
    answers: z.record(z.string(), answerValueSchema).catch({}).parse(r.answers),
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** A follow-up row for the API. */
export function followUpView(f: FollowUpRow, today: string): FollowUpView {
  return {
    id: f.id,
    inspectionId: f.inspectionId,
    targetId: f.targetId,
    departmentCode: f.departmentCode,
    kind: followUpKindSchema.parse(f.kind),
    detail: f.detail,
    itemId: f.itemId,
    notifyDepartmentCode: f.notifyDepartmentCode,
    deadline: f.deadline,
    deadlineProvisional: f.deadlineProvisional,
    status: f.status === 'closed' ? 'closed' : 'open',
    overdue: f.status === 'open' && f.deadline !== null && f.deadline < today,
    closedAt: f.closedAt?.toISOString() ?? null,
    closedBy: f.closedBy,
    closingNote: f.closingNote,
    createdBy: f.createdBy,
    createdAt: f.createdAt.toISOString(),
  };
}

/** The parsed confirmations of an inspection row. */
export function parseConfirmations(v: unknown) {
  return z.array(confirmationSchema).catch([]).parse(v);
}

/** The parsed business signature of an inspection row. */
export function parseSignature(v: unknown) {
  return businessSignatureSchema
    .nullable()
    .catch(null)
    .parse(v ?? null);
}

/** Build the whole visit view. */
export async function buildVisitView(db: Db, a: InspectionAccess, now: Date): Promise<VisitView> {
  const i = a.inspection;
  // one after another: inside a transaction these share one connection
  const items = await loadItemsOfVisit(db, a);
  const results = await listResults(db, i.id);
  const photos = await listPhotoMeta(db, i.id);
  const team = await inspectorsByIds(db, i.inspectors);
  const target = await findTargetRow(db, i.targetId);
  const followUps = await followUpsOfInspection(db, i.id);
  const table = await loadHolidayTable(db);
  const names = await departmentNames(db, a.departments);
  const today = chinaToday(now);
  const confirmations = parseConfirmations(i.confirmations);
  const confirmed = new Set(confirmations.map((c) => c.inspectorId));
  const parsedResults = results.map(parseResultRow);
  const foundOn = chinaToday(i.submittedAt ?? i.visitedAt ?? now);
  const suggestions = parsedResults.flatMap((r) =>
    r.category === null
      ? []
      : suggestFollowUps(r.category, foundOn, table)
          .filter(
            (s) => !followUps.some((f) => f.kind === s.kind && (f.itemId === r.itemId || f.itemId === null)),
          )
          .map((s) => ({ itemId: r.itemId, ...s })),
  );
  const byDept = new Map<string, ResultCategory[]>();
  for (const r of parsedResults) {
    if (r.category !== null) {
      byDept.set(r.departmentCode, [...(byDept.get(r.departmentCode) ?? []), r.category]);
    }
  }
  return {
    id: i.id,
    status: inspectionStatusSchema.parse(i.status),
    version: i.version,
    noticeCode: i.noticeCode,
    taskId: i.taskId,
    taskTitle: a.task.title,
    leadDepartmentCode: a.task.leadDepartmentCode,
    departments: a.departments.map((code) => ({ code, name: names.get(code) ?? code })),
    side:
      a.side === null
        ? null
        : {
            departmentCode: a.side.departments.join(','),
            departmentName: a.side.departments.map((c) => names.get(c) ?? c).join('、'),
            regionCode: a.side.regionCode,
          },
    drawId: i.drawId,
    plannedDate: i.plannedDate,
    visitedAt: i.visitedAt?.toISOString() ?? null,
    submittedAt: i.submittedAt?.toISOString() ?? null,
    reviewedAt: i.reviewedAt?.toISOString() ?? null,
    reviewedBy: i.reviewedBy,
    reviewComment: i.reviewComment,
    publishedAt: i.publishedAt?.toISOString() ?? null,
    target: {
      id: i.targetId,
      uscc: target?.uscc ?? null,
      name: target?.name ?? i.targetId,
      address: target?.address ?? '',
      legalRep: target?.legalRep ?? null,
      divisionCode: target?.divisionCode ?? '',
    },
    team: i.inspectors.map((id) => {
      const p = team.find((t) => t.id === id);
      return {
        inspectorId: id,
        name: p?.name ?? id,
        badgeNo: p?.badgeNo ?? null,
        departmentCode: p?.departmentCode ?? '',
        expert: p?.expert ?? false,
        confirmed: confirmed.has(id),
      };
    }),
    me: {
      inspectorIds: a.myInspectors.map((m) => m.id),
      recordDepartments: [...recordingDepartments(a)],
      onTeam: a.onTeam,
      canReview: a.canReview,
      canPublish: a.canPublish,
      canFollowUp: a.canFollowUp,
    },
    items: items.map((it) => ({
      itemId: it.itemId,
      version: it.version,
      name: it.name,
      departmentCode: it.departmentCode,
      whatToCheck: it.whatToCheck,
      how: it.how,
      legalBasis: it.legalBasis,
      form: [...it.form],
    })),
    results: parsedResults,
    photos: photos.map(photoView),
    gps: gpsSchema
      .nullable()
      .catch(null)
      .parse(i.gps ?? null),
    confirmations,
    businessSignature: parseSignature(i.businessSignature),
    method: visitMethodSchema.catch('onsite').parse(i.method),
    remoteEvidence: i.remoteEvidence,
    followUps: followUps.map((f) => followUpView(f, today)),
    suggestions,
    countdown: publicationCountdown(
      isoDate(a.task.windowEnd),
      today,
      table,
      a.task.resultsPublishedAt !== null,
    ),
    jointSummary: a.handling.map((code) => {
      const deptItems = items.filter((it) => it.departmentCode === code);
      const cats = byDept.get(code) ?? [];
      return {
        departmentCode: code,
        departmentName: names.get(code) ?? code,
        items: deptItems.length,
        recorded: cats.length,
        summaryCategory: summaryCategory(cats),
      };
    }),
  };
}
