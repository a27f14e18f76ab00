/**
 * Reading draws: the staff view (names, teams, open quotas, overrides, inspections), printable
 * notices per drawn target (检查通知书), and the public portal's draws (一公开: badge numbers
 * only, no names of inspectors), record JSON and frame files (spec §4 text).
 */
import {
  commitmentObjectSchema,
  domainError,
  drawRecordSchema,
  err,
  ok,
  poolExclusionCodeSchema,
  type DomainError,
  type DrawRecord,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { canReadDepartment, forbiddenDepartment, type Actor, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import { drawsOfTask, findDraw, listPublicDraws, publicDrawCounts, type DrawRow } from './draw.repo';
import { frameText, pairCounts } from './frame.repo';
import { findTask, type TaskFull, drawSummary, parseTaskJson } from '../workflow';
import { loadPoolExclusions } from './pool.repo';
import {
  departmentNames,
  drawInspectionsOf,
  drawOverrideReasons,
  drawPoolSize,
  peopleByIds,
  targetNames,
  noticeCodeOf,
} from './draw-view.repo';

const notFound = (id: string): DomainError =>
  domainError('NOT_FOUND', `没有这次摇号：${id}`, `no such draw: ${id}`);

async function supersededBy(db: Db, d: DrawRow): Promise<string | null> {
  return (await drawsOfTask(db, d.taskId)).find((x) => x.supersedes === d.id)?.id ?? null;
}

function recordOf(d: DrawRow): DrawRecord | null {
  const r = drawRecordSchema.safeParse(d.record);
  return r.success ? r.data : null;
}

function overrideKey(target: string, at: string, people: readonly string[]): string {
  return `${target}|${new Date(at).toISOString()}|${people.join(',')}`;
}

/** The staff view of a draw: its task, selections with names and teams, overrides and inspections. */
export async function getDrawDetail(deps: ServiceDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const d = await findDraw(db, id);
  const t = d === undefined ? undefined : await findTask(db, d.taskId);
  if (d === undefined || t === undefined) {
    return err(notFound(id));
  }
  if (
    !canReadDepartment(
      actor,
      t.task.leadDepartmentCode,
      t.participants.map((p) => p.departmentCode),
    )
  ) {
    return err(forbiddenDepartment(t.task.leadDepartmentCode));
  }
  const record = recordOf(d);
  const selectedIds = record?.selected.map((s) => s.id) ?? [];
  const rows = await drawInspectionsOf(db, id, selectedIds);
  const teams = new Map(rows.map((r) => [r.targetId, r]));
  const names = await targetNames(db, selectedIds);
  const people = await peopleByIds(db, [...new Set(rows.flatMap((r) => r.inspectors))]);
  const poolSize = await drawPoolSize(db, id);
  const assignment = new Map((record?.assignments ?? []).map((a) => [a.target, a]));
  // the staff-only reasons, matched to the record's overrides by target, time and people
  const internal = new Map(
    (await drawOverrideReasons(db, id)).map((r) => [
      overrideKey(r.targetId, r.at.toISOString(), r.inspectors),
      r.internalReason,
    ]),
  );
  return ok({
    draw: drawSummary(d, await supersededBy(db, d)),
    task: {
      id: t.task.id,
      title: t.task.title,
      leadDepartmentCode: t.task.leadDepartmentCode,
      quota: parseTaskJson(t.task).quota,
      windowStart: t.task.windowStart,
      windowEnd: t.task.windowEnd,
    },
    commitmentObject: d.commitmentObject === null ? null : commitmentObjectSchema.parse(d.commitmentObject),
    poolSize,
    pairExclusions: await pairCounts(db, id),
    selections: (record?.selected ?? []).map((s) => {
      const insp = teams.get(s.id);
      const a = assignment.get(s.id);
      return {
        stratum: s.stratum,
        id: s.id,
        ticket: s.ticket,
        name: names.get(s.id)?.name ?? s.id,
        address: names.get(s.id)?.address ?? '',
        status: a?.status ?? 'unfilled',
        open: a?.open ?? {},
        inspectionId: insp?.id ?? null,
        inspectionStatus: insp?.status ?? null,
        plannedDate: insp?.plannedDate ?? null,
        team: (insp?.inspectors ?? a?.inspectors ?? []).map((pid) => {
          const p = people.get(pid);
          return {
            id: pid,
            name: p?.name ?? pid,
            badgeNo: p?.badgeNo ?? null,
            departmentCode: p?.departmentCode ?? '',
            expert: p?.expert ?? false,
            override: !(a?.inspectors ?? []).includes(pid),
          };
        }),
      };
    }),
    overrides: (record?.overrides ?? []).map((o) => ({
      ...o,
      internalReason: internal.get(overrideKey(o.target, o.at, o.inspectors)) ?? null,
    })),
    poolExclusions: (await loadPoolExclusions(db, id)).map((e) => ({
      ...e,
      reason: poolExclusionCodeSchema.parse(e.reason),
    })),
  });
}

/** The printable notice (检查通知书) of one drawn target: items, inspectors' names and badge numbers, date. */
export async function getNotice(deps: ServiceDeps, actor: Actor, drawId: string, targetId: string) {
  const db = deps.database.db;
  const detail = await getDrawDetail(deps, actor, drawId);
  if (!detail.ok) {
    return detail;
  }
  const sel = detail.value.selections.find((s) => s.id === targetId);
  const t: TaskFull | undefined = await findTask(db, detail.value.task.id);
  if (sel === undefined || t === undefined) {
    return err(
      domainError(
        'NOT_FOUND',
        `${targetId} 不是本次摇号的入选对象`,
        `${targetId} was not selected in this draw`,
      ),
    );
  }
  const [names, noticeCode] = await Promise.all([
    targetNames(db, [targetId]),
    noticeCodeOf(db, drawId, targetId),
  ]);
  const depts = await departmentNames(db, [
    t.task.leadDepartmentCode,
    ...t.participants.map((p) => p.departmentCode),
  ]);
  return ok({
    drawId,
    task: {
      id: t.task.id,
      title: t.task.title,
      leadDepartmentCode: t.task.leadDepartmentCode,
      windowStart: t.task.windowStart,
      windowEnd: t.task.windowEnd,
    },
    departments: depts,
    target: {
      id: targetId,
      name: sel.name,
      address: sel.address,
      legalRep: names.get(targetId)?.legalRep ?? null,
    },
    items: t.items.map((i) => ({ name: i.name, legalBasis: i.legalBasis, departmentCode: i.departmentCode })),
    inspectors: sel.team.map((m) => ({
      name: m.name,
      badgeNo: m.badgeNo,
      departmentCode: m.departmentCode,
      expert: m.expert,
    })),
    plannedDate: sel.plannedDate,
    noticeCode,
  });
}

export const publicDrawListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Public draws (committed or later), newest first, with the counts by status (abandoned included). */
export async function listDrawsForPortal(deps: ServiceDeps, q: z.infer<typeof publicDrawListQuery>) {
  const db = deps.database.db;
  const { rows, total } = await listPublicDraws(db, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    total,
    counts: await publicDrawCounts(db),
    items: rows.map((r) => ({
      id: r.id,
      taskId: r.taskId,
      taskTitle: r.taskTitle,
      leadDepartmentCode: r.lead,
      status: r.status,
      committedAt: r.committedAt?.toISOString() ?? null,
      drawnAt: r.drawnAt?.toISOString() ?? null,
      seedSource: r.seedSource,
      supersedes: r.supersedes,
      selected: recordOf(r)?.selected.length ?? null,
    })),
  };
}

/** A public draw: the commitment, seed, witnesses, strata, counts, selections and teams (badge numbers). */
export async function getPublicDraw(deps: ServiceDeps, id: string): Promise<Result<unknown, DomainError>> {
  const db = deps.database.db;
  const d = await findDraw(db, id);
  if (d === undefined || d.commitment === null) {
    return err(notFound(id));
  }
  const t = await findTask(db, d.taskId);
  const record = recordOf(d);
  const names = await targetNames(db, record?.selected.map((s) => s.id) ?? []);
  return ok({
    draw: drawSummary(d, await supersededBy(db, d)),
    task: {
      id: d.taskId,
      title: t?.task.title ?? '',
      leadDepartmentCode: t?.task.leadDepartmentCode ?? '',
      participants: t?.participants.map((p) => p.departmentCode) ?? [],
    },
    commitmentObject: commitmentObjectSchema.parse(d.commitmentObject),
    selections: (record?.selected ?? []).map((s) => ({ ...s, name: names.get(s.id)?.name ?? '' })),
    assignments: record?.assignments ?? [],
    overrides: record?.overrides ?? [],
    recordAvailable: record !== null,
  });
}

/** The published record JSON of a drawn draw (spec §7). */
export async function getPublicRecord(
  deps: ServiceDeps,
  id: string,
): Promise<Result<DrawRecord, DomainError>> {
  const d = await findDraw(deps.database.db, id);
  const r = d === undefined ? null : recordOf(d);
  return r === null
    ? err(domainError('NOT_FOUND', '该摇号尚无公布的记录', 'the draw has no published record yet'))
    : ok(r);
}

/** A frame file (spec §4) of a committed draw. */
export async function getPublicFrame(
  deps: ServiceDeps,
  id: string,
  stratum: string,
): Promise<Result<string, DomainError>> {
  const d = await findDraw(deps.database.db, id);
  if (d === undefined || d.commitment === null) {
    return err(notFound(id));
  }
  const names = drawSummary(d).strata.map((s) => s.name);
  if (!names.includes(stratum)) {
    return err(domainError('NOT_FOUND', `没有分层 ${stratum}`, `no stratum ${stratum}`));
  }
  return ok(await frameText(deps.database.db, id, stratum));
}
