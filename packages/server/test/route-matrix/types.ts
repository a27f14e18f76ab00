/** The shapes of the route matrix (issue 2): who may call a route, a sample request, a cross-department probe. */
import type { Role } from '@openssj/core';

/**
 * Who may call: anyone, any session, these roles; or 'signed': a partner system that signs each
 * request with its own key (no session; a staff session grants nothing, and the route answers 401).
 */
export type Who = 'public' | 'session' | 'signed' | readonly Role[];

export interface Sample {
  readonly url: string;
  readonly payload?: unknown;
  /** Ends the session it runs in (logout): use a session of its own. */
  readonly endsSession?: true;
}

export interface MatrixEntry {
  readonly who: Who;
  readonly sample: Sample;
  /** A request by `as` (a fixture user) for another department's data, and the status it must get. */
  readonly crossDepartment?: { readonly as: string; readonly sample: Sample; readonly status: 403 | 404 };
}

/** A GET (or body-less) probe of another department's data by a fixture user, refused with `status`. */
export function probe(
  as: string,
  url: string,
  status: 403 | 404 = 403,
): NonNullable<MatrixEntry['crossDepartment']> {
  return { as, sample: { url }, status };
}
