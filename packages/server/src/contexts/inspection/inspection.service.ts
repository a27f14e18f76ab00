/**
 * Recording a visit (检查): the inspector's list, the visit, draft saves under optimistic
 * concurrency (a stale save gets 409 with the server's copy, never a silent overwrite),
 * each inspector's own confirmation, the business's signature or refusal, and submission.
 */
import {
  answerShapeIssues,
  checkMethod,
  checkSubmission,
  domainError,
  err,
  visitMethodSchema,
  inspectionStatusSchema,
  inspectionTransition,
  isEditable,
  ok,
  type BusinessSignature,
  type DomainError,
  type FieldIssue,
  type Gps,
  type VisitMethod,
  type ItemResultInput,
  type Result,
} from '@openssj/core';
import { type Actor, type AuditContext, audit, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import {
  inspectorsByIds,
  listResults,
  lockInspection,
  updateInspectionVersioned,
  upsertResults,
  type InspectionRow,
} from './inspection.repo';
import { listPhotoMeta } from './photo.repo';
import { inTransaction } from '../../db/tx';
import {
  accessInspection,
  inspectionNotFound,
  notOnTeam,
  recordingDepartments,
  type InspectionAccess,
} from './inspection-access';
import {
  buildVisitView,
  loadItemsOfVisit,
  loadVisitItems,
  parseConfirmations,
  parseResultRow,
  parseSignature,
  type VisitView,
} from './inspection-view';

/** One visit, for anyone who may read it. */
export async function getVisit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<VisitView, DomainError>> {
  const a = await accessInspection(deps.database.db, actor, id);
  return a.ok ? ok(await buildVisitView(deps.database.db, a.value, deps.clock())) : a;
}

/** Lock the inspection, check the actor is on its team and it may still be recorded. */
async function lockForTeam(tx: Db, actor: Actor, id: string): Promise<Result<InspectionAccess, DomainError>> {
  const row = await lockInspection(tx, id);
  if (row === undefined) {
    return err(inspectionNotFound(id));
  }
  const a = await accessInspection(tx, actor, id, row);
  if (!a.ok) {
    return a;
  }
  if (!a.value.onTeam) {
    return err(notOnTeam());
  }
  return a;
}

/** The 409 for a stale version, carrying the server's copy so the page can show both. */
async function staleVersion(tx: Db, a: InspectionAccess, sent: number, now: Date): Promise<DomainError> {
  const server = await buildVisitView(tx, a, now);
  return domainError(
    'CONFLICT',
    `检查记录已在别处更新（您的版本 ${sent}，服务器版本 ${a.inspection.version}），请核对后再保存`,
    `the record changed elsewhere (your version ${sent}, server version ${a.inspection.version}); compare before saving`,
    { details: { sentVersion: sent, serverVersion: a.inspection.version, server } },
  );
}

function sameResult(a: ItemResultInput, b: ReturnType<typeof parseResultRow> | undefined): boolean {
  return (
    b !== undefined &&
    a.category === b.category &&
    (a.categoryNote ?? null) === b.categoryNote &&
    (a.notes ?? null) === b.notes &&
    JSON.stringify(Object.entries(a.answers).sort()) === JSON.stringify(Object.entries(b.answers).sort())
  );
}

/** Save a draft: the actor's department's item results (and GPS); stale versions get 409 unless the copy is already the server's. */
export async function saveDraft(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  body: { version: number; results: readonly ItemResultInput[]; gps?: Gps | undefined },
): Promise<Result<VisitView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await lockForTeam(tx, ctx.actor, id);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    const i = a.inspection;
    const next = inspectionTransition(inspectionStatusSchema.parse(i.status), 'record');
    if (!next.ok) {
      return next;
    }
    const items = new Map((await loadVisitItems(tx, i.taskId)).map((it) => [it.itemId, it]));
    const mine = new Set((await loadItemsOfVisit(tx, a)).map((it) => it.itemId));
    const depts = recordingDepartments(a);
    const issues: FieldIssue[] = [];
    for (const r of body.results) {
      const item = items.get(r.itemId);
      if (item === undefined || !mine.has(r.itemId)) {
        issues.push({
          field: `${r.itemId}`,
          value: r.itemId,
          ...(item === undefined
            ? { messageZh: '该事项不属于本次抽查任务', messageEn: 'the item is not part of this task' }
            : {
                // issue 6: a cross-region visit records the items of the side holding the target
                messageZh: '跨区域任务：该事项由检查对象所在地一方录入，不属于本次检查',
                messageEn: 'cross-region task: the item belongs to the other side, not to this visit',
              }),
        });
        continue;
      }
      if (!depts.has(item.departmentCode)) {
        // joint visit: each department's inspector records that department's items
        return err(
          domainError(
            'FORBIDDEN',
            `「${item.name}」由 ${item.departmentCode} 的检查人员录入`,
            `'${item.name}' is recorded by an inspector of ${item.departmentCode}`,
          ),
        );
      }
      issues.push(...answerShapeIssues(item, r.answers));
    }
    if (issues.length > 0) {
      return err(domainError('VALIDATION', '检查记录有误', 'the record has errors', { issues }));
    }
    const existing = new Map((await listResults(tx, i.id)).map((r) => [r.itemId, parseResultRow(r)]));
    const changed = body.results.filter((r) => !sameResult(r, existing.get(r.itemId)));
    if (body.version !== i.version) {
      // a retried save whose content the server already has is not a conflict
      return changed.length === 0 && body.gps === undefined
        ? ok(await buildVisitView(tx, a, now))
        : err(await staleVersion(tx, a, body.version, now));
    }
    await upsertResults(
      tx,
      changed.map((r) => ({
        inspectionId: i.id,
        itemId: r.itemId,
        itemVersion: items.get(r.itemId)?.version ?? 1,
        departmentCode: items.get(r.itemId)?.departmentCode ?? '',
        category: r.category ?? '',
        categoryNote: r.categoryNote,
        notes: r.notes,
        answers: r.answers,
        recordedBy: ctx.actor.username,
        recordedAt: now,
      })),
    );
    const updated = await updateInspectionVersioned(tx, i.id, i.version, {
      status: next.value,
      gps: body.gps ?? i.gps,
      visitedAt: i.visitedAt ?? now,
      // confirmations are of the content: a changed result needs them again
      confirmations: changed.length > 0 ? [] : i.confirmations,
      updatedAt: now,
    });
    if (updated === undefined) {
      return err(await staleVersion(tx, a, body.version, now));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'inspection.saved',
        entityType: 'inspection',
        entityId: i.id,
        before: { status: i.status, version: i.version },
        after: {
          status: updated.status,
          version: updated.version,
          items: changed.map((c) => ({ itemId: c.itemId, category: c.category })),
        },
      },
      now,
    );
    return ok(await buildVisitView(tx, { ...a, inspection: updated }, now));
  });
}

/** Lock a visit the actor records, check it is editable and the version current, apply a change, audit it. */
export async function simpleChange(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  version: number,
  change: (
    a: InspectionAccess,
  ) => Result<{ set: Partial<InspectionRow>; action: string; after: unknown } | null, DomainError>,
): Promise<Result<VisitView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await lockForTeam(tx, ctx.actor, id);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    if (!isEditable(inspectionStatusSchema.parse(a.inspection.status))) {
      const t = inspectionTransition(inspectionStatusSchema.parse(a.inspection.status), 'record');
      return t.ok ? err(domainError('INVALID_STATE', '检查已提交', 'already submitted')) : t;
    }
    if (version !== a.inspection.version) {
      return err(await staleVersion(tx, a, version, now));
    }
    const c = change(a);
    if (!c.ok) {
      return c;
    }
    if (c.value === null) {
      return ok(await buildVisitView(tx, a, now)); // nothing changes: no write, no version, no audit row
    }
    const updated = await updateInspectionVersioned(tx, id, version, { ...c.value.set, updatedAt: now });
    if (updated === undefined) {
      return err(await staleVersion(tx, a, version, now));
    }
    await audit(
      tx,
      ctx,
      { action: c.value.action, entityType: 'inspection', entityId: id, after: c.value.after },
      now,
    );
    return ok(await buildVisitView(tx, { ...a, inspection: updated }, now));
  });
}

/** An inspector confirms the record from their own account (each of their records on the team). */
export async function confirmVisit(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  version: number,
) {
  const at = deps.clock().toISOString();
  return simpleChange(deps, ctx, id, version, (a) => {
    const list = parseConfirmations(a.inspection.confirmations).filter(
      (c) => !a.myInspectors.some((m) => m.id === c.inspectorId),
    );
    const mine = a.myInspectors.map((m) => ({
      inspectorId: m.id,
      userId: ctx.actor.userId,
      name: m.name,
      at,
    }));
    return ok({
      set: { confirmations: [...list, ...mine] },
      action: 'inspection.confirmed',
      after: { inspectors: mine.map((m) => m.inspectorId) },
    });
  });
}

/** Record the business's on-screen signature (企业签字确认) or its refusal. */
export async function signVisit(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  version: number,
  signature: BusinessSignature,
) {
  return simpleChange(deps, ctx, id, version, () =>
    ok({
      set: { businessSignature: signature },
      action: signature.kind === 'signed' ? 'inspection.signed' : 'inspection.signature_refused',
      // the image stays out of the audit trail; who signed or why not is enough there
      after:
        signature.kind === 'signed'
          ? { signerName: signature.signerName, at: signature.at }
          : { reason: signature.reason, at: signature.at },
    }),
  );
}

/**
 * Record how the inspection is made (issue 15): on site, or remotely by documents or video with
 * what was looked at. The method is part of the content: a change needs the confirmations again.
 */
export async function setVisitMethod(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  body: { version: number; method: VisitMethod; remoteEvidence: string | null },
) {
  return simpleChange(deps, ctx, id, body.version, (a) => {
    const m = checkMethod(body.method, body.remoteEvidence);
    if (!m.ok) {
      return m;
    }
    if (a.inspection.method === m.value.method && a.inspection.remoteEvidence === m.value.remoteEvidence) {
      return ok(null);
    }
    return ok({
      set: { ...m.value, confirmations: [] },
      action: 'inspection.method_set',
      after: { before: a.inspection.method, ...m.value },
    });
  });
}

/** Submit for review: complete record, every law-enforcement inspector confirmed, signed or refused. A repeat changes nothing. */
export async function submitVisit(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  version: number,
): Promise<Result<VisitView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await lockForTeam(tx, ctx.actor, id);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    const i = a.inspection;
    if (i.status === 'submitted' && (version === i.version || version === i.version - 1)) {
      return ok(await buildVisitView(tx, a, now)); // the same submit again: already done
    }
    const next = inspectionTransition(inspectionStatusSchema.parse(i.status), 'submit');
    if (!next.ok) {
      return next;
    }
    if (version !== i.version) {
      return err(await staleVersion(tx, a, version, now));
    }
    const items = await loadItemsOfVisit(tx, a);
    const results = await listResults(tx, i.id);
    const photos = await listPhotoMeta(tx, i.id);
    const team = await inspectorsByIds(tx, i.inspectors);
    const check = checkSubmission({
      items,
      results: results.map(parseResultRow),
      photoKeys: new Set(photos.map((p) => `${p.itemId ?? ''}|${p.fieldKey ?? ''}`)),
      team: team.filter((m) => !m.expert).map((m) => ({ id: m.id, departmentCode: m.departmentCode })),
      confirmations: parseConfirmations(i.confirmations),
      signature: parseSignature(i.businessSignature),
      method: visitMethodSchema.catch('onsite').parse(i.method),
      remoteEvidence: i.remoteEvidence,
    });
    if (!check.ok) {
      return check;
    }
    const updated = await updateInspectionVersioned(tx, i.id, i.version, {
      status: next.value,
      submittedAt: now,
      updatedAt: now,
    });
    if (updated === undefined) {
      return err(await staleVersion(tx, a, version, now));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'inspection.submitted',
        entityType: 'inspection',
        entityId: i.id,
        before: { status: i.status },
        after: { status: updated.status, version: updated.version },
      },
      now,
    );
    return ok(await buildVisitView(tx, { ...a, inspection: updated }, now));
  });
}
