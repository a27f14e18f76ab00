/** The organisation (regions, departments, units) for staff pages, and department names by code. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** Regions, departments and units (cached for the session). */
export function useOrg() {
  return useQuery({
    queryKey: ['org'],
    queryFn: () => unwrap(api.GET('/api/org')),
    staleTime: 5 * 60_000,
  });
}

/**
 * A function that names a department code (its full name), falling back to the code while loading.
 * It reads the public list, so the portal and the console both show names, never codes (issue 11).
 */
export function useDepartmentName(): (code: string | null | undefined) => string {
  const list = useQuery({
    queryKey: ['public', 'departments'],
    queryFn: () => unwrap(api.GET('/api/public/departments')),
    staleTime: 10 * 60_000,
  });
  const names = new Map((list.data?.items ?? []).map((d) => [d.code, d.name]));
  return (code) => (code === null || code === undefined ? '—' : (names.get(code) ?? code));
}
