/** What the server says about its deployment (GET /api/health): the engine, and whether it runs the demo data. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** `demo` is true while the database holds the demo data set (the console shows 演示环境). */
export function useDeployment(): { demo: boolean } {
  const query = useQuery({
    queryKey: ['health'],
    queryFn: () => unwrap(api.GET('/api/health')),
    staleTime: Infinity,
    meta: { silent: true },
  });
  return { demo: query.data?.demo ?? false };
}
