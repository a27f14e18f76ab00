/** Types of the signed-in user and the role list, all derived from the generated `paths` (no side effects here). */
import type { paths } from './schema';

/** Reply of GET /api/auth/me and POST /api/auth/login. */
export type SessionReply = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
/** The signed-in user. */
export type Me = SessionReply['user'];
/** A user role. */
export type Role = Me['roles'][number];
/** Body of POST /api/auth/login. */
export type LoginBody = paths['/api/auth/login']['post']['requestBody']['content']['application/json'];

/** Every role, in display order (also the precedence for role-specific menu labels). */
export const ROLES = [
  'system_admin',
  'dept_admin',
  'leader',
  'inspector',
  'auditor',
] as const satisfies readonly Role[];

// Compile-time check that ROLES lists every role the schema knows.
const _allRolesListed: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;
