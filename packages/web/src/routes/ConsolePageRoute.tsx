/** Renders one console page for the current user: the page, its placeholder, 无权访问, or a redirect from /console. */
import { StopOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { Navigate } from 'react-router';
import { UnderConstruction } from '../components/UnderConstruction';
import { useI18n } from '../hooks/use-i18n';
import { useCurrentUser } from '../hooks/use-current-user';
import { labelFor, landingPath, type ConsolePage } from './console-nav';
import { CONSOLE_PAGE_VIEWS } from './console-pages';

/** Route element of a console page. */
export function ConsolePageRoute({ page }: { readonly page: ConsolePage }) {
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

  const Page = CONSOLE_PAGE_VIEWS[page.id].component;
  return Page === null ? <UnderConstruction title={t(label)} /> : <Page />;
}
