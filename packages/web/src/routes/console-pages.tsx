/**
 * What each console page renders and its menu icon. A page that is not built yet is `null` and shows
 * the 功能建设中 placeholder. To build a page: create src/pages/console/XxxPage.tsx and put `lazyPage(...)` here.
 */
import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  ApartmentOutlined,
  ProfileOutlined,
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
  /** null: not built yet, shows the placeholder. */
  readonly component: PageComponent | null;
}

/** Every console page's view; typecheck fails if a page id lacks one. */
export const CONSOLE_PAGE_VIEWS: Readonly<Record<ConsolePageId, ConsolePageView>> = {
  home: {
    icon: <DashboardOutlined />,
    component: lazyPage(() => import('../pages/console/WorkbenchPage'), 'WorkbenchPage'),
  },
  myInspections: { icon: <CheckSquareOutlined />, component: null },
  items: { icon: <UnorderedListOutlined />, component: null },
  targets: { icon: <ShopOutlined />, component: null },
  inspectors: { icon: <TeamOutlined />, component: null },
  plans: { icon: <ScheduleOutlined />, component: null },
  tasks: { icon: <ProfileOutlined />, component: null },
  imports: { icon: <CloudUploadOutlined />, component: null },
  reviews: { icon: <FileSearchOutlined />, component: null },
  dashboard: { icon: <BarChartOutlined />, component: null },
  org: { icon: <ApartmentOutlined />, component: null },
  users: { icon: <UserOutlined />, component: null },
  holidays: { icon: <CalendarOutlined />, component: null },
  audit: { icon: <AuditOutlined />, component: null },
};
