/**
 * The Actor: who is calling, with roles and department; and the department-scope rules
 * every service applies (one department never reads another's unpublished data). The rules
 * themselves live in core's policy (`can`, issue 10); these are its department-shaped wrappers.
 */
import { allows, OVERSIGHT_ROLES, refusal, type DomainError, type Role } from '@openssj/core';

export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly regionCode: string;
  readonly roles: readonly Role[];
  readonly sessionId: string;
}

/** Who wrote an audit row and under which request. */
export interface AuditContext {
  readonly actor: Actor | null;
  readonly requestId: string | null;
}

/** True when the actor holds any of the roles. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** Roles that may read every department's data (oversight; core policy OVERSIGHT_ROLES). */
export const CROSS_DEPARTMENT_READERS: readonly Role[] = OVERSIGHT_ROLES;

/** May the actor read the unpublished data of `departmentCode`? `joined` lists departments of shared tasks. */
export function canReadDepartment(
  actor: Actor,
  departmentCode: string,
  joined: readonly string[] = [],
): boolean {
  return allows(actor, 'department.read', { kind: 'department', departmentCode, joined });
}

/** May the actor change data of `departmentCode` (its own department only)? */
export function canWriteDepartment(actor: Actor, departmentCode: string): boolean {
  return allows(actor, 'department.write', { kind: 'department', departmentCode });
}

/** The error for a department the actor may not touch. */
export function forbiddenDepartment(departmentCode: string): DomainError {
  return refusal('department.read', { kind: 'department', departmentCode });
}

/** The audit role string for an actor. */
export function auditRole(actor: Actor | null): string | null {
  return actor === null ? null : actor.roles.join(',');
}
