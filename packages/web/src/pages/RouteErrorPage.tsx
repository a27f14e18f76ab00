/** Shown when a route fails to render or its chunk fails to load (e.g. after a redeploy). */
import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../hooks/use-i18n';
import { NotFoundPage } from './NotFoundPage';

/** Route error boundary. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <Result
      status="warning"
      title={t('routeError.title')}
      subTitle={t('routeError.description')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      }
    />
  );
}
