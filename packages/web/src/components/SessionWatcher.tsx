/**
 * Wires API signals to the UI: an expired session drops the cached user (the console guard then
 * redirects to login), and errors no screen handles itself become notifications in the UI language.
 */
import type { ApiError } from '../api/errors';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { sessionExpired, unhandledApiError } from '../api/events';
import { useI18n } from '../hooks/use-i18n';
import { SESSION_QUERY_KEY } from '../hooks/use-session';

/** Renders nothing; subscribes to the API layer's signals. */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const { lang, t } = useI18n();

  const onExpired = useEffectEvent(() => {
    if (queryClient.getQueryData(SESSION_QUERY_KEY) !== null) {
      void message.warning({ key: 'session-expired', content: t('session.expired') });
    }
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
  });

  const onError = useEffectEvent((error: ApiError) => {
    notification.error({
      key: `${error.code}:${error.status}`,
      title: t('error.title'),
      description: error.messageIn(lang),
    });
  });

  useEffect(() => sessionExpired.subscribe(() => onExpired()), []);
  useEffect(() => unhandledApiError.subscribe((error) => onError(error)), []);

  return null;
}
