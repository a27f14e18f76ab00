/**
 * The staff console layout: a role-based side menu (a drawer behind a hamburger on phones), and a header
 * with the user's name, department and region, role tags, the language switch and 退出登录.
 */
import {
  EnvironmentOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Drawer, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/session-types';
import { useDeployment } from '../hooks/use-deployment';
import { useI18n } from '../hooks/use-i18n';
import { useCurrentUser } from '../hooks/use-current-user';
import { useLogout } from '../hooks/use-session';
import { activeEntry, menuForRoles } from '../routes/console-nav';
import { ConsolePageIconsContext } from '../routes/console-page-icons';
import { CONSOLE_PAGE_ICONS } from '../routes/console-pages';
import { BrandMark } from './BrandMark';
import { FullPageSpin } from './FullPageSpin';
import { LanguageSwitch } from './LanguageSwitch';
import { RoleTags } from './RoleTags';

const { Header, Sider, Content } = Layout;

// antd's `lg` breakpoint; before the first measurement, ask the browser directly
const DESKTOP_QUERY = '(min-width: 992px)';

function departmentLine(user: Me): string {
  return `${user.department.name}（${user.department.regionName}）`;
}

/** Layout of every /console page. */
export function StaffLayout() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg ?? window.matchMedia(DESKTOP_QUERY).matches;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { demo } = useDeployment();

  const entries = useMemo(() => menuForRoles(user.roles), [user.roles]);
  const selected = activeEntry(entries, location.pathname);
  const items: MenuProps['items'] = entries.map((e) => ({
    key: e.to,
    icon: CONSOLE_PAGE_ICONS[e.id],
    label: <Link to={e.to}>{t(e.label)}</Link>,
  }));

  const onLogout = () => {
    logout.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('layout.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });
  };

  const menu = (theme: 'dark' | 'light') => (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={selected === null ? [] : [selected.to]}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const logoutButton = (block: boolean) => (
    <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} block={block}>
      {t('layout.logout')}
    </Button>
  );

  const passwordButton = (block: boolean) => (
    <Button icon={<KeyOutlined />} onClick={() => void navigate('/change-password')} block={block}>
      {t('password.change')}
    </Button>
  );

  const brand = (showText: boolean, dark: boolean) => (
    <Link
      to="/console"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        minWidth: 0,
        color: dark ? '#fff' : 'inherit',
      }}
    >
      <BrandMark size={28} />
      {showText && (
        <span
          style={{
            fontWeight: 600,
            fontSize: 16,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {t('app.console')}
        </span>
      )}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop && (
        <Sider
          width={224}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div
            style={{
              height: 64,
              display: 'flex',
              alignItems: 'center',
              padding: collapsed ? '0 26px' : '0 20px',
            }}
          >
            {brand(!collapsed, true)}
          </div>
          {menu('dark')}
        </Sider>
      )}
      {!isDesktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={288}
          title={brand(true, false)}
          styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        >
          <div style={{ padding: '16px 20px', borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              <UserOutlined /> {user.displayName}
            </Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.65)', margin: '4px 0 8px' }}>{departmentLine(user)}</div>
            <RoleTags roles={user.roles} />
          </div>
          <div style={{ flex: 1 }}>{menu('light')}</div>
          <div
            style={{
              padding: 16,
              borderTop: '1px solid #f0f0f0',
              display: 'flex',
              flexDirection: 'column',
              gap: 12,
            }}
          >
            <LanguageSwitch size="middle" />
            {passwordButton(true)}
            {logoutButton(true)}
          </div>
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: isDesktop ? '0 24px 0 8px' : '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            height: isDesktop ? 64 : 56,
            lineHeight: 'normal',
          }}
        >
          {isDesktop ? (
            <Button
              type="text"
              aria-label={t('layout.menu')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
          ) : (
            <>
              <Button
                type="text"
                aria-label={t('layout.menu')}
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
              />
              {brand(true, false)}
            </>
          )}
          <div style={{ flex: 1 }} />
          {isDesktop ? (
            <Space size={16} wrap={false}>
              <span style={{ whiteSpace: 'nowrap' }}>
                <UserOutlined /> <Typography.Text strong>{user.displayName}</Typography.Text>
              </span>
              <span style={{ whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.65)' }}>
                <EnvironmentOutlined /> {screens.xl === true ? departmentLine(user) : user.department.name}
              </span>
              <RoleTags roles={user.roles} />
              <LanguageSwitch />
              <Button
                type="text"
                aria-label={t('password.change')}
                title={t('password.change')}
                icon={<KeyOutlined />}
                onClick={() => void navigate('/change-password')}
              />
              {logoutButton(false)}
            </Space>
          ) : (
            <Typography.Text strong ellipsis style={{ maxWidth: 96 }}>
              {user.displayName}
            </Typography.Text>
          )}
        </Header>
        {demo && <Alert type="warning" banner showIcon title={t('demo.banner')} data-testid="demo-banner" />}
        <Content style={{ padding: isDesktop ? 24 : 12 }}>
          {/* one <h1> per page (issue 11 part 6): the page's menu name, for screen readers and outlines */}
          <h1 className="sr-only">{selected === null ? t('app.console') : t(selected.label)}</h1>
          <ConsolePageIconsContext value={CONSOLE_PAGE_ICONS}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ConsolePageIconsContext>
        </Content>
      </Layout>
    </Layout>
  );
}
