/**
 * All routes. Public portal under `/`, `/login`, the staff console under `/console/*` (behind the guard),
 * and a friendly 404 for anything else. Every page is its own lazily loaded chunk.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { PortalLayout } from '../components/PortalLayout';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { CONSOLE_PAGES, type ConsolePage, type ConsolePageId } from './console-nav';

function consoleRoute(page: ConsolePage): RouteObject {
  const lazy = async () => {
    const { ConsolePageRoute } = await import('./ConsolePageRoute');
    return { element: <ConsolePageRoute page={page} /> };
  };
  return page.path === '' ? { index: true, lazy } : { path: page.path, lazy };
}

/** A sub-page of a console page (same role check, own component), e.g. /console/my-inspections/:id. */
function consoleSubRoute(path: string, id: ConsolePageId, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const page = CONSOLE_PAGES.find((p) => p.id === id);
      const [{ ConsolePageRoute }, view] = await Promise.all([import('./ConsolePageRoute'), load()]);
      if (page === undefined) {
        throw new Error(`bug: no console page ${id}`);
      }
      return { element: <ConsolePageRoute page={page} view={view} /> };
    },
  };
}

/** Console sub-pages. */
const CONSOLE_SUB_ROUTES: RouteObject[] = [
  consoleSubRoute(
    'my-inspections/:id',
    'myInspections',
    async () => (await import('../pages/console/VisitPage')).VisitPage,
  ),
  consoleSubRoute(
    'reviews/:id',
    'reviews',
    async () => (await import('../pages/console/ReviewDetailPage')).ReviewDetailPage,
  ),
  consoleSubRoute(
    'plans/:planId',
    'plans',
    async () => (await import('../pages/console/plans/PlanDetailPage')).PlanDetailPage,
  ),
  consoleSubRoute(
    'tasks/notices/:drawId/:targetId',
    'tasks',
    async () => (await import('../pages/console/tasks/NoticePage')).NoticePage,
  ),
  consoleSubRoute(
    'tasks/:taskId',
    'tasks',
    async () => (await import('../pages/console/tasks/TaskDetailPage')).TaskDetailPage,
  ),
  consoleSubRoute(
    'tasks/:taskId/ceremony/:drawId',
    'tasks',
    async () => (await import('../pages/console/tasks/CeremonyPage')).CeremonyPage,
  ),
];

/** The route table (exported for tests and for later pages' nested routes). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <PortalLayout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageSpin,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../pages/portal/PortalHomePage')).PortalHomePage }),
      },
      // later portal pages (issue 5): items, plans, results, draws/:id … go here
      {
        path: 'results',
        lazy: async () => ({ Component: (await import('../pages/portal/ResultsPage')).ResultsPage }),
      },
      {
        path: 'results/:id',
        lazy: async () => ({
          Component: (await import('../pages/portal/ResultDetailPage')).ResultDetailPage,
        }),
      },
      {
        path: 'items',
        lazy: async () => ({ Component: (await import('../pages/portal/PortalItemsPage')).PortalItemsPage }),
      },
      {
        path: 'appeals',
        lazy: async () => ({
          Component: (await import('../pages/portal/PortalAppealPage')).PortalAppealPage,
        }),
      },
      {
        path: 'plans',
        lazy: async () => ({ Component: (await import('../pages/portal/PortalPlansPage')).PortalPlansPage }),
      },
      {
        path: 'draws',
        lazy: async () => ({ Component: (await import('../pages/portal/PortalDrawsPage')).PortalDrawsPage }),
      },
      {
        path: 'draws/:id',
        lazy: async () => ({ Component: (await import('../pages/portal/PortalDrawPage')).PortalDrawPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/login',
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageSpin,
    lazy: async () => ({ Component: (await import('../pages/LoginPage')).LoginPage }),
  },
  {
    path: '/change-password',
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageSpin,
    lazy: async () => ({ Component: (await import('../pages/ChangePasswordPage')).ChangePasswordPage }),
  },
  {
    path: '/console',
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageSpin,
    lazy: async () => ({ Component: (await import('../components/RequireAuth')).RequireAuth }),
    children: [
      ...CONSOLE_PAGES.map(consoleRoute),
      ...CONSOLE_SUB_ROUTES,
      { path: '*', element: <NotFoundPage inConsole /> },
    ],
  },
];

/** Creates the browser router. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
