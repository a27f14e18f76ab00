/** The app root: language, Ant Design (zh_CN / en_US), TanStack Query, API signal wiring, and the router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client';
import { SessionWatcher } from './components/SessionWatcher';
import { useI18n } from './hooks/use-i18n';
import { useScrollRegionsFocusable } from './hooks/use-scroll-regions-focusable';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './routes/router';

// WCAG 2.1 AA (issue 11 part 6): every text colour reaches 4.5:1 on white. Ant Design's defaults
// (#8c8c8c secondary, #bfbfbf placeholder, #1677ff links) do not.
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // the hovered and pressed shades keep white text at 4.5:1 too (a button stays hovered after a click)
    colorPrimaryHover: '#2a6acb',
    colorPrimaryActive: '#174f9f',
    colorLink: '#1f5fbf',
    // a hovered link (often on a hovered table row) keeps 4.5:1 as well
    colorLinkHover: '#174f9f',
    colorLinkActive: '#174f9f',
    colorInfo: '#1f5fbf',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6e6e6e',
    borderRadius: 6,
  },
};

function LocalizedApp() {
  const { lang } = useI18n();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  useScrollRegionsFocusable();
  // no auto space in two-character buttons: 登录 stays 登录 (what users and e2e read)
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionWatcher />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

/** Root component. */
export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
