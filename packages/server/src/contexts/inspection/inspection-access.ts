/**
 * Who may do what with an inspection: the assigned team records it (each inspector only
 * their own department's items), a leader of a task department reviews it, the lead
 * department publishes it, and department admins and leaders of the task's departments
 * (and oversight roles) read it. Everyone else gets 403; an unknown id 404.
 * In a cross-region task (core `sideOfTarget`) the visit belongs to the side whose region holds
 * the target: only that side's departments read, review, publish and follow it up.
 */
import {
  allows,
  domainError,
  err,
  ok,
  sideOfTarget,
  type DomainError,
  type InspectionResource,
  type Result,
  type TaskSide,
} from '@openssj/core';
import { hasAnyRole, type Actor } from '../platform';
import type { Db } from '../../db/client';
import {
  findInspection,
  findTargetRow,
  findTask,
  inspectorsOfUser,
  taskDepartments,
  taskSideDepartments,
  type InspectionRow,
  type InspectorRow,
  type TaskRow,
} from './inspection.repo';

export interface InspectionAccess {
  readonly inspection: InspectionRow;
  readonly task: TaskRow;
  /** Lead first, then participants. */
  readonly departments: readonly string[];
  /** The side the visit belongs to in a cross-region task; null when every department shares it. */
  readonly side: TaskSide | null;
  /** The departments whose items apply and whose staff handle the visit: the side's, else all. */
  readonly handling: readonly string[];
  /** The actor's inspector records that are on this team. */
  readonly myInspectors: readonly InspectorRow[];
  readonly onTeam: boolean;
  readonly canRead: boolean;
  readonly canReview: boolean;
  readonly canPublish: boolean;
  readonly canFollowUp: boolean;
}

/** The error for a missing inspection. */
export function inspectionNotFound(id: string): DomainError {
  return domainError('NOT_FOUND', `检查记录 ${id} 不存在`, `no inspection ${id}`, { details: { id } });
}

/** The error for a visit the actor is not assigned to. */
export function notOnTeam(): DomainError {
  return domainError(
    'FORBIDDEN',
    '您不在本次检查的执法人员名单中',
    'you are not on the team of this inspection',
  );
}

/** Load an inspection with what the actor may do with it (404 unknown, 403 none of read). */
export async function accessInspection(
  db: Db,
  actor: Actor,
  id: string,
  at?: InspectionRow,
): Promise<Result<InspectionAccess, DomainError>> {
  const inspection = at ?? (await findInspection(db, id));
  if (inspection === undefined) {
    return err(inspectionNotFound(id));
  }
  const task = await findTask(db, inspection.taskId);
  if (task === undefined) {
    return err(inspectionNotFound(id));
  }
  const departments = await taskDepartments(db, task);
  const side = task.crossRegion ? await visitSide(db, task.id, inspection.targetId) : null;
  const handling = side?.departments ?? departments;
  const mine = hasAnyRole(actor, ['inspector']) ? await inspectorsOfUser(db, actor.userId) : [];
  const myInspectors = mine.filter((i) => inspection.inspectors.includes(i.id));
  const onTeam = myInspectors.length > 0;
  // issue 6: each side of a cross-region task publishes its own part; otherwise the lead publishes
  const resource: InspectionResource = {
    kind: 'inspection',
    handling,
    publishers: side === null ? [task.leadDepartmentCode] : handling,
    onTeam,
  };
  // issue 10: the decisions come from core's one policy
  const a: InspectionAccess = {
    inspection,
    task,
    departments,
    side,
    handling,
    myInspectors,
    onTeam,
    canRead: allows(actor, 'inspection.read', resource),
    canReview: allows(actor, 'inspection.review', resource),
    canPublish: allows(actor, 'inspection.publish', resource),
    canFollowUp: allows(actor, 'inspection.follow_up', resource),
  };
  if (!a.canRead) {
    return err(
      hasAnyRole(actor, ['inspector'])
        ? notOnTeam()
        : domainError('FORBIDDEN', '无权查看该检查记录', 'no access to this inspection'),
    );
  }
  return ok(a);
}

/** The side of a visit of a cross-region task (null: no sides, or the target is in no department's region). */
export async function visitSide(db: Db, taskId: string, targetId: string): Promise<TaskSide | null> {
  const t = (await taskSideDepartments(db, [taskId])).get(taskId);
  const target = await findTargetRow(db, targetId);
  return t === undefined || target === undefined
    ? null
    : sideOfTarget(t.crossRegion, t.departments, target.divisionCode);
}

/** The departments whose items the actor may record on this visit (their inspector records' departments, on the visit's side). */
export function recordingDepartments(a: InspectionAccess): Set<string> {
  return new Set(a.myInspectors.map((i) => i.departmentCode).filter((d) => a.handling.includes(d)));
}
