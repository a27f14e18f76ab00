/** The visit page's head: the business, where it is, the task, and the visit's state and GPS fix. */
import { CloudSyncOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import type { VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';
import type { DraftGps } from './draft-store';
import { SideTag } from './SideFilter';
import { currentGps } from './use-visit-draft';

/** The head card; `onGps` is null when the visit cannot be edited. */
export function VisitHeaderCard(props: {
  readonly view: VisitView;
  readonly synced: boolean;
  readonly gps: DraftGps | null;
  readonly mine: boolean;
  readonly onGps: ((g: DraftGps) => void) | null;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { view, gps, onGps } = props;
  return (
    <Card size="small">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {view.target.name}
      </Typography.Title>
      <div>{view.target.uscc}</div>
      <div>
        {view.target.address}{' '}
        {view.target.address !== '' && (
          <a
            href={`https://uri.amap.com/search?keyword=${encodeURIComponent(view.target.address)}`}
            target="_blank"
            rel="noreferrer"
            style={{ textDecoration: 'underline' }}
          >
            <EnvironmentOutlined /> {t('insp.map')}
          </a>
        )}
      </div>
      <div>
        {t('insp.task')}：{view.taskTitle}
      </div>
      <div>
        {t('notice.code')}：<span data-testid="visit-notice-code">{view.noticeCode}</span>
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        <Tag color="blue">{t(`insp.status.${view.status}`)}</Tag>
        <SideTag side={view.side} mine={props.mine} />
        <Tag icon={<CloudSyncOutlined />} color={props.synced ? 'green' : 'orange'}>
          {props.synced ? t('insp.synced') : t('insp.unsynced')}
        </Tag>
        <Tag>
          {t('insp.gps')}：{gps === null ? t('insp.gpsNone') : `${gps.lat.toFixed(5)}, ${gps.lng.toFixed(5)}`}
        </Tag>
        {onGps !== null && (
          <Button
            size="small"
            icon={<EnvironmentOutlined />}
            onClick={() =>
              void currentGps().then((g) => {
                if (g === null) {
                  void message.warning(t('insp.gpsFailed', { reason: '' }));
                } else {
                  onGps(g);
                }
              })
            }
          >
            {t('insp.gpsGet')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
