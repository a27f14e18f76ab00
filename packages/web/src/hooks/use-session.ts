/** Session hooks over TanStack Query: the current user (`me`), login and logout. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchSession, login, logout } from '../api/auth';
import type { LoginBody, SessionReply } from '../api/session-types';

/** Query key of GET /api/auth/me. */
export const SESSION_QUERY_KEY = ['auth', 'me'] as const;

// After a deliberate logout the console guard sends the user to /login without `?next=`
// (the next person to log in should land on their own workbench, not on the last user's page).
let loggedOutDeliberately = false;

/** True after "退出登录" until the next login. */
export function wasLoggedOutDeliberately(): boolean {
  return loggedOutDeliberately;
}

// A new user must never see the previous user's cached data. The session entry itself is
// replaced, not removed, so that nothing renders a half-logged-out state.
function dropOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

/** The current session: `user` is null when nobody is logged in. */
export function useSession() {
  const query = useQuery<SessionReply | null>({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    // the guard shows its own retry screen
    meta: { silent: true },
  });
  return {
    user: query.data?.user ?? null,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Logs in and stores the session; the login form shows errors itself. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(body),
    meta: { silent: true },
    onSuccess: (reply) => {
      loggedOutDeliberately = false;
      queryClient.setQueryData(SESSION_QUERY_KEY, reply);
      dropOtherQueries(queryClient);
    },
  });
}

/** Logs out and drops every cached query. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      loggedOutDeliberately = true;
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      dropOtherQueries(queryClient);
    },
  });
}
