/**
 * The authorization policy (issue 10): the one place that decides whether an actor may do
 * an action on a resource, by role, department, the actor's region (GB/T 2260 division
 * prefix) and the resource's owner. Pure: services and the web console ask it before they
 * read or write; it never touches a database.
 *
 * - Targets are public-register data kept by the library keeper of their region: the
 *   market-regulation admin (…-SCJG) of that region or above, or a system admin, writes their
 *   master data (name, address, status, USCC…). Other departments claim, tag and read them.
 * - Lists and exports cover the actor's jurisdiction (their region and below); oversight roles
 *   read everywhere. Personal data (legal representatives…) is shown only to staff who keep or
 *   supervise the target: system admins and department admins of its region; others get it masked.
 * - Department data (claims, items, inspectors, tasks) is read by its department, by departments
 *   sharing a task, and by oversight roles; it is changed by its department or a system admin.
 * - Region settings (risk model, scoring, evaluation criteria) are read within the jurisdiction
 *   and changed by that region's market-regulation admin (or above) or a system admin.
 * - An inspection is read by its team, the staff of its handling departments and oversight;
 *   reviewed by a leader of a handling department; published by the publishing side.
 */
import { domainError, type DomainError } from '../errors';
import type { Role } from '../org/roles';
import { err, ok, type Result } from '../result';

/** Who is asking: the fields of a server Actor the policy looks at. */
export interface PolicyActor {
  readonly roles: readonly Role[];
  /** e.g. 500112-SCJG: region code, dash, department kind. */
  readonly departmentCode: string;
  /** The department's region (6-digit GB/T 2260 code). */
  readonly regionCode: string;
}

/** A target of the library, owned by the region holding it. */
export interface TargetResource {
  readonly kind: 'target';
  readonly divisionCode: string;
}

/** Data belonging to one department; `joined` lists departments sharing a task with it. */
export interface DepartmentResource {
  readonly kind: 'department';
  readonly departmentCode: string;
  readonly joined?: readonly string[];
}

/** Settings or data of a whole region (6 digits, or 'all'). */
export interface RegionResource {
  readonly kind: 'region';
  readonly regionCode: string;
}

/** One inspection (visit), as the server resolved it for this actor. */
export interface InspectionResource {
  readonly kind: 'inspection';
  /** The departments handling the visit (its side's in a cross-region task, else all). */
  readonly handling: readonly string[];
  /** The departments that publish it (the lead, or the side's). */
  readonly publishers: readonly string[];
  /** The actor holds an inspector record on the visit's team. */
  readonly onTeam: boolean;
}

export type Resource = TargetResource | DepartmentResource | RegionResource | InspectionResource;

/** Every action, with the kind of resource it applies to. */
export interface ActionResources {
  /** See one target (master data; personal data per `target.personal`). */
  readonly 'target.read': TargetResource;
  /** Have the target in lists, searches and exports (the jurisdiction). */
  readonly 'target.list': TargetResource;
  /** Create a target, change its master data or its status (the library keeper). */
  readonly 'target.write': TargetResource;
  /** Tag a target (department admins of its region). */
  readonly 'target.tag': TargetResource;
  /** Claim or unclaim a target for one's department. */
  readonly 'target.claim': TargetResource;
  /** See personal data (legal representative, phones) unmasked. */
  readonly 'target.personal': TargetResource;
  readonly 'department.read': DepartmentResource;
  readonly 'department.write': DepartmentResource;
  /** See personal data of the department's staff (e.g. the reasons of recusal declarations). */
  readonly 'department.personal': DepartmentResource;
  readonly 'region.read': RegionResource;
  readonly 'region.write': RegionResource;
  readonly 'inspection.read': InspectionResource;
  readonly 'inspection.review': InspectionResource;
  readonly 'inspection.publish': InspectionResource;
  readonly 'inspection.follow_up': InspectionResource;
}

export type Action = keyof ActionResources;

/** Every action, for tests and tables. */
export const ACTIONS: readonly Action[] = [
  'target.read',
  'target.list',
  'target.write',
  'target.tag',
  'target.claim',
  'target.personal',
  'department.read',
  'department.write',
  'department.personal',
  'region.read',
  'region.write',
  'inspection.read',
  'inspection.review',
  'inspection.publish',
  'inspection.follow_up',
];

/** Roles that read every department's and region's data (oversight). */
export const OVERSIGHT_ROLES: readonly Role[] = ['system_admin', 'auditor'];

/** What a grant says about the call, besides "yes". */
export interface Grant {
  readonly action: Action;
  /** The rule that allowed it, for audit and tests (e.g. 'keeper', 'own_department'). */
  readonly rule: string;
}

/** True when the actor holds any of the roles. */
export function holdsAnyRole(actor: PolicyActor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** The code prefix a division covers: 500000 → 50, 500100 → 5001, 500112 → 500112. */
export function divisionPrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) {
    p = p.slice(0, -2);
  }
  return p;
}

/** Does region `outer` contain `inner`? ('all' contains everything; only 'all' contains 'all'.) */
export function regionContains(outer: string, inner: string): boolean {
  if (outer === 'all') {
    return true;
  }
  if (inner === 'all') {
    return false;
  }
  return inner.startsWith(divisionPrefix(outer));
}

/** Is the department a market regulator (市场监督管理局, code …-SCJG)? */
export function isMarketRegulator(departmentCode: string): boolean {
  return departmentCode.endsWith('-SCJG');
}

/** The region whose targets the actor lists and exports: 'all' for oversight roles. */
export function jurisdictionOf(actor: PolicyActor): string {
  return holdsAnyRole(actor, OVERSIGHT_ROLES) ? 'all' : actor.regionCode;
}

/** The department that keeps a target's library entry and sees its edits in its audit view: the region's SCJG. */
export function targetOwnerDepartment(divisionCode: string): string {
  return `${divisionCode}-SCJG`;
}

/** Is the actor a keeper of the target library of `divisionCode` (its SCJG admin or above, or a system admin)? */
export function isLibraryKeeper(actor: PolicyActor, divisionCode: string): boolean {
  return (
    actor.roles.includes('system_admin') ||
    (actor.roles.includes('dept_admin') &&
      isMarketRegulator(actor.departmentCode) &&
      regionContains(actor.regionCode, divisionCode))
  );
}

type Rule = string | null;

const inRegionAdmin = (a: PolicyActor, r: TargetResource): Rule =>
  a.roles.includes('system_admin')
    ? 'system_admin'
    : a.roles.includes('dept_admin') && regionContains(a.regionCode, r.divisionCode)
      ? 'region_admin'
      : null;

const inDepartment = (a: PolicyActor, r: InspectionResource): boolean =>
  r.handling.includes(a.departmentCode);

const staffOf = (a: PolicyActor, r: InspectionResource): boolean =>
  inDepartment(a, r) && holdsAnyRole(a, ['dept_admin', 'leader']);

/** The rules, one per action: the name of the rule that grants it, or null. */
const RULES: { readonly [A in Action]: (actor: PolicyActor, resource: ActionResources[A]) => Rule } = {
  // public-register data: any staff member (cross-region teams visit the other side's targets)
  'target.read': () => 'staff',
  'target.list': (a, r) => (regionContains(jurisdictionOf(a), r.divisionCode) ? 'jurisdiction' : null),
  'target.write': (a, r) =>
    isLibraryKeeper(a, r.divisionCode)
      ? a.roles.includes('system_admin')
        ? 'system_admin'
        : 'keeper'
      : null,
  'target.tag': inRegionAdmin,
  'target.claim': inRegionAdmin,
  'target.personal': inRegionAdmin,
  'department.read': (a, r) =>
    a.departmentCode === r.departmentCode
      ? 'own_department'
      : holdsAnyRole(a, OVERSIGHT_ROLES)
        ? 'oversight'
        : (r.joined ?? []).includes(a.departmentCode)
          ? 'joined_task'
          : null,
  'department.write': (a, r) =>
    a.departmentCode === r.departmentCode
      ? 'own_department'
      : a.roles.includes('system_admin')
        ? 'system_admin'
        : null,
  'department.personal': (a, r) =>
    holdsAnyRole(a, OVERSIGHT_ROLES)
      ? 'oversight'
      : a.departmentCode === r.departmentCode && a.roles.includes('dept_admin')
        ? 'own_department_admin'
        : null,
  'region.read': (a, r) =>
    holdsAnyRole(a, OVERSIGHT_ROLES)
      ? 'oversight'
      : regionContains(a.regionCode, r.regionCode)
        ? 'jurisdiction'
        : null,
  'region.write': (a, r) =>
    a.roles.includes('system_admin')
      ? 'system_admin'
      : a.roles.includes('dept_admin') &&
          isMarketRegulator(a.departmentCode) &&
          r.regionCode !== 'all' &&
          regionContains(a.regionCode, r.regionCode)
        ? 'keeper'
        : null,
  'inspection.read': (a, r) =>
    r.onTeam
      ? 'team'
      : staffOf(a, r)
        ? 'department_staff'
        : holdsAnyRole(a, OVERSIGHT_ROLES)
          ? 'oversight'
          : null,
  'inspection.review': (a, r) => (inDepartment(a, r) && a.roles.includes('leader') ? 'leader' : null),
  'inspection.publish': (a, r) =>
    a.roles.includes('system_admin')
      ? 'system_admin'
      : r.publishers.includes(a.departmentCode) && holdsAnyRole(a, ['leader', 'dept_admin'])
        ? 'publisher'
        : null,
  // an inspector follows up only visits of their own team
  'inspection.follow_up': (a, r) =>
    inDepartment(a, r) &&
    holdsAnyRole(a, ['dept_admin', 'leader', 'inspector']) &&
    (r.onTeam || staffOf(a, r) || !a.roles.includes('inspector'))
      ? 'department'
      : null,
};

/** The FORBIDDEN error for an action on a resource, naming what was refused (zh + en). */
export function refusal(action: Action, resource: Resource): DomainError {
  const details = { action, ...resource };
  switch (resource.kind) {
    case 'target':
      return action === 'target.write'
        ? domainError(
            'FORBIDDEN',
            `检查对象的登记信息仅由所在地（${resource.divisionCode}）市场监管部门管理员或系统管理员维护`,
            `only the market-regulation admin of ${resource.divisionCode} (or above) or a system admin may change this target's register data`,
            { details },
          )
        : domainError(
            'FORBIDDEN',
            `无权对辖区 ${resource.divisionCode} 的检查对象执行此操作`,
            `no access to targets of ${resource.divisionCode} for this action`,
            { details },
          );
    case 'department':
      return domainError(
        'FORBIDDEN',
        `无权访问部门 ${resource.departmentCode} 的数据`,
        `no access to the data of department ${resource.departmentCode}`,
        { details: { department: resource.departmentCode, action } },
      );
    case 'region':
      return action === 'region.write'
        ? domainError(
            'FORBIDDEN',
            `仅本辖区市场监管部门管理员或系统管理员可修改 ${resource.regionCode} 的设置`,
            `only a market-regulation admin of ${resource.regionCode} (or above) or a system admin may change its settings`,
            { details: { region: resource.regionCode, action } },
          )
        : domainError(
            'FORBIDDEN',
            `无权查看 ${resource.regionCode} 的数据`,
            `no access to the data of ${resource.regionCode}`,
            { details: { region: resource.regionCode, action } },
          );
    case 'inspection':
      return domainError('FORBIDDEN', '无权对该检查记录执行此操作', 'no access to this inspection', {
        details: { action },
      });
  }
}

/** Decide whether `actor` may do `action` on `resource`: a grant naming the rule, or a FORBIDDEN error. */
export function can<A extends Action>(
  actor: PolicyActor,
  action: A,
  resource: ActionResources[A],
): Result<Grant, DomainError> {
  const rule = RULES[action](actor, resource);
  return rule === null ? err(refusal(action, resource)) : ok({ action, rule });
}

/**
 * The division filter of a list or export narrowed to the actor's jurisdiction: undefined for
 * "everything" (oversight, no filter), the narrower of the two regions, or FORBIDDEN when the
 * requested region lies wholly outside the jurisdiction.
 */
export function listDivision(
  actor: PolicyActor,
  requested: string | undefined,
): Result<string | undefined, DomainError> {
  const jurisdiction = jurisdictionOf(actor);
  if (requested === undefined || requested === '') {
    return ok(jurisdiction === 'all' ? undefined : jurisdiction);
  }
  if (regionContains(jurisdiction, requested.padEnd(6, '0'))) {
    return ok(requested);
  }
  if (regionContains(requested.padEnd(6, '0'), jurisdiction)) {
    return ok(jurisdiction);
  }
  return err(refusal('target.list', { kind: 'target', divisionCode: requested }));
}

/** `can` as a boolean, for filters and UI. */
export function allows<A extends Action>(
  actor: PolicyActor,
  action: A,
  resource: ActionResources[A],
): boolean {
  return can(actor, action, resource).ok;
}
