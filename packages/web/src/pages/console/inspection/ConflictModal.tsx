/** Shows this device's copy next to the server's after a 409, and lets the user choose; nothing is overwritten silently. */
import { Descriptions, Modal, Typography } from 'antd';
import type { DraftResult, VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';

function describe(r: DraftResult | VisitView['results'][number] | undefined): string {
  if (r === undefined) {
    return '—';
  }
  const extra = [r.categoryNote, r.notes].filter((x) => x !== null && x !== undefined && x !== '').join('；');
  return `${r.category ?? '—'}${extra === '' ? '' : `（${extra}）`}`;
}

/** The conflict dialog. */
export function ConflictModal(props: {
  readonly server: VisitView | null;
  readonly baseVersion: number;
  readonly mine: Readonly<Record<string, DraftResult>>;
  readonly onResolve: (choice: 'mine' | 'server') => void;
}) {
  const { t } = useI18n();
  const { server } = props;
  return (
    <Modal
      open={server !== null}
      title={t('insp.conflict.title')}
      okText={t('insp.conflict.keepMine')}
      cancelText={t('insp.conflict.takeServer')}
      onOk={() => props.onResolve('mine')}
      onCancel={() => props.onResolve('server')}
      maskClosable={false}
      closable={false}
    >
      {server !== null && (
        <>
          <Typography.Paragraph>
            {t('insp.conflict.desc', { server: server.version, base: props.baseVersion })}
          </Typography.Paragraph>
          {Object.keys(props.mine).map((itemId) => (
            <Descriptions
              key={itemId}
              size="small"
              column={1}
              bordered
              title={server.items.find((i) => i.itemId === itemId)?.name ?? itemId}
              style={{ marginBottom: 12 }}
            >
              <Descriptions.Item label={t('insp.conflict.mine')}>
                {describe(props.mine[itemId])}
              </Descriptions.Item>
              <Descriptions.Item label={t('insp.conflict.server')}>
                {describe(server.results.find((r) => r.itemId === itemId))}
              </Descriptions.Item>
            </Descriptions>
          ))}
        </>
      )}
    </Modal>
  );
}
