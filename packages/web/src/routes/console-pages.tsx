/**
 * What each console page renders and its menu icon. Every page is built (no placeholders, issue 11):
 * a new page id needs src/pages/console/XxxPage.tsx and its `lazyPage(...)` here.
 */
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  ApartmentOutlined,
  CommentOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { ConsolePageId } from './console-nav';

type PageComponent = LazyExoticComponent<ComponentType>;

/** Lazy-loads a page module's named export (house style: named exports only), one chunk per page. */
export function lazyPage<K extends string>(
  load: () => Promise<Readonly<Record<K, ComponentType>>>,
  name: K,
): PageComponent {
  return lazy(async () => ({ default: (await load())[name] }));
}

export interface ConsolePageView {
  readonly icon: ReactNode;
  readonly component: PageComponent;
}

/** Every console page's view; typecheck fails if a page id lacks one. */
export const CONSOLE_PAGE_VIEWS: Readonly<Record<ConsolePageId, ConsolePageView>> = {
  home: {
    icon: <DashboardOutlined />,
    component: lazyPage(() => import('../pages/console/WorkbenchPage'), 'WorkbenchPage'),
  },
  myInspections: {
    icon: <CheckSquareOutlined />,
    component: lazyPage(() => import('../pages/console/MyInspectionsPage'), 'MyInspectionsPage'),
  },
  items: {
    icon: <UnorderedListOutlined />,
    component: lazyPage(() => import('../pages/console/ItemsPage'), 'ItemsPage'),
  },
  targets: {
    icon: <ShopOutlined />,
    component: lazyPage(() => import('../pages/console/TargetsPage'), 'TargetsPage'),
  },
  inspectors: {
    icon: <TeamOutlined />,
    component: lazyPage(() => import('../pages/console/InspectorsPage'), 'InspectorsPage'),
  },
  plans: {
    icon: <ScheduleOutlined />,
    component: lazyPage(() => import('../pages/console/PlansPage'), 'PlansPage'),
  },
  tasks: {
    icon: <ProfileOutlined />,
    component: lazyPage(() => import('../pages/console/TasksPage'), 'TasksPage'),
  },
  imports: {
    icon: <CloudUploadOutlined />,
    component: lazyPage(() => import('../pages/console/ImportsPage'), 'ImportsPage'),
  },
  reviews: {
    icon: <FileSearchOutlined />,
    component: lazyPage(() => import('../pages/console/ReviewsPage'), 'ReviewsPage'),
  },
  dashboard: {
    icon: <BarChartOutlined />,
    component: lazyPage(() => import('../pages/console/DashboardPage'), 'DashboardPage'),
  },
  risk: {
    icon: <SafetyCertificateOutlined />,
    component: lazyPage(() => import('../pages/console/RiskPage'), 'RiskPage'),
  },
  alerts: {
    icon: <AlertOutlined />,
    component: lazyPage(() => import('../pages/console/RiskAlertsPage'), 'RiskAlertsPage'),
  },
  appeals: {
    icon: <CommentOutlined />,
    component: lazyPage(() => import('../pages/console/AppealsPage'), 'AppealsPage'),
  },
  org: {
    icon: <ApartmentOutlined />,
    component: lazyPage(() => import('../pages/console/OrgPage'), 'OrgPage'),
  },
  users: {
    icon: <UserOutlined />,
    component: lazyPage(() => import('../pages/console/UsersPage'), 'UsersPage'),
  },
  holidays: {
    icon: <CalendarOutlined />,
    component: lazyPage(() => import('../pages/console/HolidaysPage'), 'HolidaysPage'),
  },
  settings: {
    icon: <SettingOutlined />,
    component: lazyPage(() => import('../pages/console/SettingsPage'), 'SettingsPage'),
  },
  audit: {
    icon: <AuditOutlined />,
    component: lazyPage(() => import('../pages/console/AuditPage'), 'AuditPage'),
  },
};

/** Each page's menu icon (StaffLayout hands them to pages through ConsolePageIconsContext). */
export const CONSOLE_PAGE_ICONS: Readonly<Record<ConsolePageId, ReactNode>> = Object.fromEntries(
  Object.entries(CONSOLE_PAGE_VIEWS).map(([id, view]) => [id, view.icon]),
) as Record<ConsolePageId, ReactNode>;
