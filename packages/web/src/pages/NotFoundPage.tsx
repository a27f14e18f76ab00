/** The friendly 404 (页面不存在), on the portal and inside the console. */
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../hooks/use-i18n';

/** 404 page; inside the console it links back to the workbench instead of the portal home. */
export function NotFoundPage({ inConsole = false }: { readonly inConsole?: boolean }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      extra={
        <Link to={inConsole ? '/console' : '/'}>
          <Button type="primary">{t(inConsole ? 'notFound.backConsole' : 'notFound.backHome')}</Button>
        </Link>
      }
    />
  );
}
