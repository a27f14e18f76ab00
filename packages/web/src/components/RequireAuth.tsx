/** The console guard: waits for the session, sends anonymous users to /login?next=…, then renders the staff layout. */
import { Button, Result } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/errors';
import { CurrentUserContext } from '../hooks/use-current-user';
import { useI18n } from '../hooks/use-i18n';
import { useSession, wasLoggedOutDeliberately } from '../hooks/use-session';
import { FullPageSpin } from './FullPageSpin';
import { StaffLayout } from './StaffLayout';

/** Route element of /console/*. */
export function RequireAuth() {
  const { user, isPending, error, refetch } = useSession();
  const location = useLocation();
  const { lang, t } = useI18n();

  if (isPending) {
    return <FullPageSpin />;
  }
  if (user?.mustChangePassword === true) {
    // the API refuses everything else until the initial password is replaced
    return <Navigate to="/change-password" replace />;
  }
  if (user !== null) {
    return (
      <CurrentUserContext value={user}>
        <StaffLayout />
      </CurrentUserContext>
    );
  }
  if (error !== null) {
    return (
      <Result
        status="warning"
        title={t('session.loadFailed')}
        subTitle={errorMessage(error, lang)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            {t('session.retry')}
          </Button>
        }
      />
    );
  }
  const next = wasLoggedOutDeliberately()
    ? ''
    : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}
