/**
 * The staff console's pages and who sees them: the single source for the menu and the route guard.
 * Pure data and functions (no React), so tests can check the role → menu mapping.
 */
import { ROLES, type Role } from '../api/session-types';
import type { MessageKey } from '../i18n/types';

/** Ids of console pages. Adding one here makes typecheck ask for its page and icon in console-pages.tsx. */
export type ConsolePageId =
  | 'home'
  | 'items'
  | 'targets'
  | 'inspectors'
  | 'plans'
  | 'tasks'
  | 'imports'
  | 'reviews'
  | 'dashboard'
  | 'risk'
  | 'alerts'
  | 'appeals'
  | 'myInspections'
  | 'audit'
  | 'org'
  | 'users'
  | 'holidays'
  | 'settings';

export interface ConsolePage {
  readonly id: ConsolePageId;
  /** Path below /console ('' is /console itself). */
  readonly path: string;
  /** The roles that see this page, each with the menu label it sees (one path may read differently per role). */
  readonly roles: Readonly<Partial<Record<Role, MessageKey>>>;
}

/** Every console page, in menu order. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    id: 'home',
    path: '',
    roles: { system_admin: 'nav.home', dept_admin: 'nav.home', leader: 'nav.home', auditor: 'nav.home' },
  },
  { id: 'myInspections', path: 'my-inspections', roles: { inspector: 'nav.myInspections' } },
  { id: 'items', path: 'items', roles: { dept_admin: 'nav.items' } },
  { id: 'targets', path: 'targets', roles: { dept_admin: 'nav.targets' } },
  { id: 'inspectors', path: 'inspectors', roles: { dept_admin: 'nav.inspectors' } },
  // dept_admin drafts plans, a leader approves them: same page, two names
  { id: 'plans', path: 'plans', roles: { dept_admin: 'nav.plans', leader: 'nav.planApproval' } },
  // a leader follows the tasks and approves abandonments of their draws (issue 13)
  { id: 'tasks', path: 'tasks', roles: { dept_admin: 'nav.tasks', leader: 'nav.tasks' } },
  { id: 'imports', path: 'imports', roles: { dept_admin: 'nav.imports' } },
  { id: 'reviews', path: 'reviews', roles: { leader: 'nav.reviews' } },
  // dept_admin sees the joint-task suggestions and the evaluation; leaders and auditors the statistics too
  {
    id: 'dashboard',
    path: 'dashboard',
    roles: { dept_admin: 'nav.jointEvaluation', leader: 'nav.dashboard', auditor: 'nav.dashboard' },
  },
  {
    id: 'risk',
    path: 'risk',
    roles: { system_admin: 'nav.risk', dept_admin: 'nav.risk', leader: 'nav.risk', auditor: 'nav.risk' },
  },
  // risk alerts from partner systems (issue 16): triaged by the source's department
  {
    id: 'alerts',
    path: 'risk-alerts',
    roles: {
      system_admin: 'nav.alerts',
      dept_admin: 'nav.alerts',
      leader: 'nav.alerts',
      auditor: 'nav.alerts',
    },
  },
  // objections and credit repair on published results (issue 16 part 2): leaders decide
  {
    id: 'appeals',
    path: 'appeals',
    roles: {
      system_admin: 'nav.appeals',
      dept_admin: 'nav.appeals',
      leader: 'nav.appeals',
      auditor: 'nav.appeals',
    },
  },
  { id: 'org', path: 'org', roles: { system_admin: 'nav.org' } },
  { id: 'users', path: 'users', roles: { system_admin: 'nav.users' } },
  { id: 'holidays', path: 'holidays', roles: { system_admin: 'nav.holidays' } },
  // evaluation criteria and adjacent-region pools: the system admin (and a region's market-regulation
  // admin, for the criteria) changes them; the others who may read them see them read-only
  {
    id: 'settings',
    path: 'settings',
    roles: {
      system_admin: 'nav.settings',
      dept_admin: 'nav.regionSettings',
      leader: 'nav.regionSettings',
      auditor: 'nav.regionSettings',
    },
  },
  { id: 'audit', path: 'audit', roles: { system_admin: 'nav.audit', auditor: 'nav.audit' } },
];

/** One menu entry for a given user. */
export interface MenuEntry {
  readonly id: ConsolePageId;
  /** Absolute path, e.g. /console/items. */
  readonly to: string;
  readonly label: MessageKey;
}

/** The absolute path of a console page. */
export function consolePath(path: string): string {
  return path === '' ? '/console' : `/console/${path}`;
}

/** The label a user sees for a page: that of the first of their roles (in ROLES order) the page lists, or null if none. */
export function labelFor(page: ConsolePage, roles: readonly Role[]): MessageKey | null {
  for (const role of ROLES) {
    const label = page.roles[role];
    if (label !== undefined && roles.includes(role)) {
      return label;
    }
  }
  return null;
}

/** The menu of a user with these roles: the union of each role's pages, in CONSOLE_PAGES order, each once. */
export function menuForRoles(roles: readonly Role[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  for (const page of CONSOLE_PAGES) {
    const label = labelFor(page, roles);
    if (label !== null) {
      entries.push({ id: page.id, to: consolePath(page.path), label });
    }
  }
  return entries;
}

/** The menu entry whose page contains `pathname` (longest match), for highlighting the menu. */
export function activeEntry(entries: readonly MenuEntry[], pathname: string): MenuEntry | null {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let best: MenuEntry | null = null;
  for (const e of entries) {
    const hit = clean === e.to || clean.startsWith(`${e.to}/`);
    if (hit && (best === null || e.to.length > best.to.length)) {
      best = e;
    }
  }
  return best;
}

/** Where /console sends a user: the workbench if they have it, else their first page, else null (no roles). */
export function landingPath(roles: readonly Role[]): string | null {
  return menuForRoles(roles)[0]?.to ?? null;
}

/** Validates a `?next=` target for after login: only a same-origin path, else the console home. */
export function safeNext(next: string | null): string {
  if (
    next === null ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    next.startsWith('/login')
  ) {
    return '/console';
  }
  return next;
}
