/** Renders one console page for the current user: the page, 无权访问, or a redirect from /console. */
import { StopOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import type { ComponentType } from 'react';
import { Navigate } from 'react-router';
import { useI18n } from '../hooks/use-i18n';
import { useCurrentUser } from '../hooks/use-current-user';
import { labelFor, landingPath, type ConsolePage } from './console-nav';
import { CONSOLE_PAGE_VIEWS } from './console-pages';

/** Route element of a console page; `view` renders a sub-page (e.g. /console/reviews/:id) under the same role check. */
export function ConsolePageRoute({
  page,
  view,
}: {
  readonly page: ConsolePage;
  readonly view?: ComponentType;
}) {
  const user = useCurrentUser();
  const { t } = useI18n();
  const label = labelFor(page, user.roles);

  if (label === null) {
    if (page.path === '') {
      // /console without the workbench (an inspector): go to the user's first page
      const landing = landingPath(user.roles);
      if (landing !== null) {
        return <Navigate to={landing} replace />;
      }
      return (
        <Card>
          <Result status="info" title={t('layout.noRoles')} subTitle={t('layout.noRolesHint')} />
        </Card>
      );
    }
    // the server refuses the data anyway; this keeps the screen honest
    return (
      <Card>
        <Result
          icon={<StopOutlined />}
          status="warning"
          title={t('forbidden.title')}
          subTitle={t('forbidden.description')}
        />
      </Card>
    );
  }

  const Page = view ?? CONSOLE_PAGE_VIEWS[page.id].component;
  return <Page />;
}
