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
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './routes/router';

const THEME: ThemeConfig = {
  token: { colorPrimary: '#1f5fbf', borderRadius: 6 },
};

function LocalizedApp() {
  const { lang } = useI18n();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
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
