/**
 * All routes. Public portal under `/`, `/login`, the staff console under `/console/*` (behind the guard),
 * and a friendly 404 for anything else. Every page is its own lazily loaded chunk.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { PortalLayout } from '../components/PortalLayout';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { CONSOLE_PAGES, type ConsolePage } from './console-nav';

function consoleRoute(page: ConsolePage): RouteObject {
  const lazy = async () => {
    const { ConsolePageRoute } = await import('./ConsolePageRoute');
    return { element: <ConsolePageRoute page={page} /> };
  };
  return page.path === '' ? { index: true, lazy } : { path: page.path, lazy };
}

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
    path: '/console',
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageSpin,
    lazy: async () => ({ Component: (await import('../components/RequireAuth')).RequireAuth }),
    children: [...CONSOLE_PAGES.map(consoleRoute), { path: '*', element: <NotFoundPage inConsole /> }],
  },
];

/** Creates the browser router. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
