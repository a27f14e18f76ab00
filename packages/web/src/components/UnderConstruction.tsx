/** The empty state of a console page that is not built yet: a card with the page title and 功能建设中. */
import { ToolOutlined } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import { useI18n } from '../hooks/use-i18n';

/** A placeholder card titled with the page's name. */
export function UnderConstruction({ title }: { readonly title: string }) {
  const { t } = useI18n();
  return (
    <Card title={title}>
      <Empty
        image={<ToolOutlined style={{ fontSize: 56, color: '#bfbfbf' }} />}
        styles={{ image: { height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center' } }}
        description={
          <>
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('placeholder.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('placeholder.description')}</Typography.Text>
          </>
        }
      />
    </Card>
  );
}
