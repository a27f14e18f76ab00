/**
 * 证据清单 (issue 15, part 2): every photo of a visit with its SHA-256 (hashed on the phone,
 * checked by the server), where and when it was taken, and when the server received it. On a
 * phone each photo is a card; on a desk, a table row.
 */
import { Card, Grid, Image, List, Table, Typography } from 'antd';
import type { VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';

type Photo = VisitView['photos'][number];

function where(p: Photo, noGps: string): string {
  if (p.lat === null || p.lng === null) {
    return noGps;
  }
  const at = `${Number(p.lat).toFixed(5)}, ${Number(p.lng).toFixed(5)}`;
  return p.accuracy === null ? at : `${at}（±${Math.round(p.accuracy)} m）`;
}

function when(iso: string | null): string {
  return iso === null
    ? '—'
    : new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** The evidence card of a visit or a result under review. */
export function EvidenceList({ view }: { readonly view: VisitView }) {
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().md === true;
  const item = (p: Photo) => view.items.find((i) => i.itemId === p.itemId)?.name ?? '—';
  const src = (p: Photo) => `/api/inspections/${view.id}/photos/${p.id}`;
  const hash = (p: Photo) => (
    <Typography.Text code copyable={{ text: p.sha256 }} style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {p.sha256}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      title={t('insp.evidence.title', { n: view.photos.length })}
      aria-label={t('insp.evidence.title', { n: view.photos.length })}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('insp.evidence.hint')}
      </Typography.Paragraph>
      {view.photos.length === 0 ? (
        <Typography.Text type="secondary">{t('insp.evidence.none')}</Typography.Text>
      ) : wide ? (
        <Image.PreviewGroup>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.photos}
            columns={[
              {
                title: t('insp.photos'),
                width: 64,
                render: (_, p) => (
                  <Image width={48} height={48} style={{ objectFit: 'cover' }} src={src(p)} alt={item(p)} />
                ),
              },
              { title: t('review.item'), render: (_, p) => item(p) },
              { title: 'SHA-256', render: (_, p) => hash(p) },
              { title: t('insp.evidence.takenAt'), render: (_, p) => when(p.takenAt) },
              { title: t('insp.evidence.where'), render: (_, p) => where(p, t('insp.evidence.noGps')) },
              { title: t('insp.evidence.receivedAt'), render: (_, p) => when(p.receivedAt) },
              { title: t('insp.evidence.by'), dataIndex: 'by' },
            ]}
          />
        </Image.PreviewGroup>
      ) : (
        <List
          dataSource={view.photos}
          rowKey="id"
          renderItem={(p) => (
            <List.Item>
              <List.Item.Meta
                avatar={
                  <Image width={56} height={56} style={{ objectFit: 'cover' }} src={src(p)} alt={item(p)} />
                }
                title={item(p)}
                description={
                  <>
                    <div>{hash(p)}</div>
                    <div>
                      {t('insp.evidence.takenAt')}：{when(p.takenAt)}
                    </div>
                    <div>
                      {t('insp.evidence.where')}：{where(p, t('insp.evidence.noGps'))}
                    </div>
                    <div>
                      {t('insp.evidence.receivedAt')}：{when(p.receivedAt)}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
