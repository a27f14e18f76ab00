/**
 * 待发送 (issue 15): what of this visit waits on the phone — changed items, photos, the signature —
 * shown plainly, with the network state and a button to send now. It goes out by itself when the
 * connection comes back; nothing typed is lost in between (IndexedDB).
 */
import { CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { useSyncExternalStore } from 'react';
import { useI18n } from '../../../hooks/use-i18n';
import type { Outbox } from './draft-store';

function subscribeOnline(f: () => void): () => void {
  window.addEventListener('online', f);
  window.addEventListener('offline', f);
  return () => {
    window.removeEventListener('online', f);
    window.removeEventListener('offline', f);
  };
}

/** The browser's idea of the network (true unless it knows it is offline). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The queue of one visit; nothing when nothing waits and the network is up. */
export function OutboxCard({
  outbox,
  sending,
  onSend,
}: {
  readonly outbox: Outbox;
  readonly sending: boolean;
  readonly onSend: () => void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const waiting = outbox.items > 0 || outbox.photos > 0 || outbox.signature;
  if (!waiting && online) {
    return null;
  }
  const saved =
    outbox.savedAt === null
      ? ''
      : new Date(outbox.savedAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <Alert
      type={online ? 'warning' : 'info'}
      showIcon
      icon={online ? <CloudUploadOutlined /> : <DisconnectOutlined />}
      role="status"
      aria-label={t('insp.outbox.title')}
      data-testid="outbox"
      title={online ? t('insp.outbox.title') : t('insp.outbox.offline')}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {waiting ? (
            <Space wrap>
              {outbox.items > 0 && <Tag>{t('insp.outbox.items', { n: outbox.items, at: saved })}</Tag>}
              {outbox.photos > 0 && <Tag>{t('insp.outbox.photos', { n: outbox.photos })}</Tag>}
              {outbox.signature && <Tag>{t('insp.outbox.signature')}</Tag>}
            </Space>
          ) : (
            t('insp.outbox.nothing')
          )}
          {waiting && (
            <Button
              size="small"
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!online}
              loading={sending}
              onClick={onSend}
            >
              {online ? t('insp.outbox.send') : t('insp.outbox.later')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
