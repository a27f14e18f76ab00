/** The TanStack Query client: errors nobody handles locally become a notification; 401s go to the session watcher. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, networkError } from './errors';
import { unhandledApiError } from './events';

declare module '@tanstack/react-query' {
  interface Register {
    // `silent`: the screen shows the error itself (e.g. the login form), so no global notification.
    queryMeta: { readonly silent?: boolean };
    mutationMeta: { readonly silent?: boolean };
  }
}

function report(error: unknown, silent: boolean | undefined): void {
  if (silent === true) {
    return;
  }
  const apiError = error instanceof ApiError ? error : networkError(error);
  // 401 is handled by the session watcher (redirect to login), not shown as an error.
  if (apiError.status !== 401) {
    unhandledApiError.emit(apiError);
  }
}

/** Creates the app's query client. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => report(error, query.meta?.silent) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => report(error, mutation.meta?.silent),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change by asking again
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        // issue 15: offline, a query still asks once, so the service worker can answer from its cache
        networkMode: 'offlineFirst',
      },
      // offline, a mutation is not held back: the page decides (a visit's work waits in IndexedDB)
      mutations: { networkMode: 'always' },
    },
  });
}
