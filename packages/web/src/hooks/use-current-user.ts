/** The signed-in user inside the console: the guard provides it, so pages never see "no user" mid-logout. */
import { createContext, useContext } from 'react';
import type { Me } from '../api/session-types';

/** Set by RequireAuth around the staff layout. */
export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only for components under the console guard. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (user === null) {
    throw new Error('useCurrentUser is only for components under the console guard (RequireAuth)');
  }
  return user;
}
