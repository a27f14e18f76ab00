/**
 * The console menu's icons, handed down by StaffLayout through context, so that pages (the
 * workbench's shortcuts) can show them without importing console-pages.tsx, which lazy-loads
 * the pages themselves (an import cycle, issue 12).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ConsolePageId } from './console-nav';

export const ConsolePageIconsContext = createContext<Readonly<Partial<Record<ConsolePageId, ReactNode>>>>({});

/** The menu icon of each console page (empty outside the console layout). */
export function useConsolePageIcons(): Readonly<Partial<Record<ConsolePageId, ReactNode>>> {
  return useContext(ConsolePageIconsContext);
}
