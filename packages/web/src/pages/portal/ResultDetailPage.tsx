/**
 * One published result (portal): masked legal representative, inspectors by badge number, no photos or
 * signatures; below it, the transparency log's proof that the publication was logged (issue 13).
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import { LogInclusionCard } from '../../components/LogInclusionCard';
import { useI18n } from '../../hooks/use-i18n';
import { formatDate } from '../../format/china-time';

/** /results/:id */
export function ResultDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const q = useQuery({
    queryKey: ['public-result', id],
    queryFn: () => unwrap(api.GET('/api/public/results/{id}', { params: { path: { id } } })),
    meta: { silent: true },
  });
  if (q.isError) {
    return (
      <Result
        status="404"
        title={errorMessage(q.error, lang)}
        extra={<Link to="/results">{t('results.back')}</Link>}
      />
    );
  }
  const r = q.data;
  if (r === undefined) {
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return (
    <div className="ssj-portal-container" style={{ paddingTop: 24 }}>
      <Link to="/results">← {t('results.back')}</Link>
      <Card
        title={r.target.name}
        style={{ marginTop: 12 }}
        extra={
          <Space wrap>
            {r.appeal !== null && (
              <Tag color="purple" data-testid="result-appeal">
                {lang === 'en' ? r.appeal.en : r.appeal.zh}
              </Tag>
            )}
            <Link to="/appeals">{t('portal.section.appeals')}</Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('portal.col.uscc')}>{r.target.uscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('results.legalRep')}>
            {r.target.legalRep === '' ? '—' : r.target.legalRep}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.address')}>{r.target.address}</Descriptions.Item>
          <Descriptions.Item label={t('portal.col.taskName')}>{r.task.title}</Descriptions.Item>
          <Descriptions.Item label={t('results.departments')}>
            {r.departments.map((d) => d.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.inspectors')}>{r.inspectors.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('insp.method.title')}>
            {t(`insp.method.${r.method}`)}
            {r.method !== 'onsite' && (
              <Tag style={{ marginInlineStart: 8 }}>{t('insp.method.remoteTag')}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.inspectedOn')}>{r.inspectedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('results.publishedOn')}>{formatDate(r.publishedAt)}</Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 16 }}
          size="small"
          pagination={false}
          rowKey={(x) => `${x.departmentName}-${x.itemName}`}
          title={() => t('results.items')}
          dataSource={r.results}
          columns={[
            { title: t('portal.col.itemName'), dataIndex: 'itemName' },
            { title: t('portal.col.department'), dataIndex: 'departmentName' },
            {
              title: t('portal.col.result'),
              render: (_, x) =>
                `${x.category ?? '—'}${x.categoryNote === null ? '' : `（${x.categoryNote}）`}`,
            },
          ]}
        />
        {r.followUps.length > 0 && (
          <div style={{ marginTop: 16 }}>
            {t('results.followUps')}：
            {r.followUps.map((f) => (
              <Tag key={f.kind}>{lang === 'en' ? f.labelEn : f.label}</Tag>
            ))}
          </div>
        )}
        {r.evidence.length > 0 && (
          <Table
            style={{ marginTop: 16 }}
            size="small"
            pagination={false}
            rowKey="sha256"
            title={() => t('results.evidence')}
            dataSource={r.evidence}
            columns={[
              {
                title: 'SHA-256',
                render: (_, x) => (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                    {x.sha256}
                  </Typography.Text>
                ),
              },
              { title: t('insp.evidence.takenAt'), width: 120, render: (_, x) => formatDate(x.takenAt) },
            ]}
          />
        )}
      </Card>
      <div style={{ marginTop: 12 }}>
        <LogInclusionCard subject={{ inspectionId: id }} taskId={r.task.id} />
      </div>
    </div>
  );
}
