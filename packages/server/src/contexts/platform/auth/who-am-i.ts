/** GET /api/auth/me: the session's user, with department and region names, and its CSRF token. */
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import type { ServiceDeps } from '../context';
import type { Me } from '../auth.service';
import { findUserById } from '../user.repo';
import type { Actor } from './actor';

/** What the request knows of its session (set by the session hook). */
export interface SessionState {
  readonly actor: Actor | null;
  readonly csrfToken: string | null;
  readonly passwordChangeRequired: boolean;
}

/** The signed-in user and the session's CSRF token; UNAUTHENTICATED without a session. */
export async function whoAmI(
  deps: ServiceDeps,
  session: SessionState,
): Promise<Result<{ user: Me; csrfToken: string }, DomainError>> {
  const a = session.actor;
  if (a === null || session.csrfToken === null) {
    return err(domainError('UNAUTHENTICATED', '未登录', 'not logged in'));
  }
  const u = await findUserById(deps.database.db, a.userId);
  return ok({
    user: {
      id: a.userId,
      username: a.username,
      displayName: a.displayName,
      roles: [...a.roles],
      department: {
        code: a.departmentCode,
        name: u?.departmentName ?? a.departmentCode,
        regionCode: a.regionCode,
        regionName: u?.regionName ?? a.regionCode,
      },
      mustChangePassword: session.passwordChangeRequired,
    },
    csrfToken: session.csrfToken,
  });
}
