/**
 * 公平性监测 (issue 6): a year's draws tested against chance — the overall chi-square, targets
 * drawn more often than their frame memberships explain, and inspector–target pairs repeated
 * more than the inspector's share explains — each with its statistic and p-value.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { FairnessReport } from '../../../api/oversight-types';
import { useI18n } from '../../../hooks/use-i18n';

const p4 = (v: number): string => (v < 0.0001 ? v.toExponential(2) : v.toFixed(4));

/** The fairness tab. */
export function FairnessPanel({ region, year }: { readonly region: string; readonly year: number }) {
  const { t } = useI18n();
  const res = useQuery({
    queryKey: ['fairness', region, year],
    queryFn: () => unwrap(api.GET('/api/dashboard/fairness', { params: { query: { region, year } } })),
  });
  const f: FairnessReport | undefined = res.data;
  return (
    <Card size="small" title={t('fair.title', { year })} loading={res.isLoading}>
      {f !== undefined && (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('fair.draws')} value={f.draws} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fair.inFrames')} value={f.targets.inFrames} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fair.selected')} value={f.targets.selected} />
          </Col>
          <Col xs={24} md={6}>
            <Statistic title={t('fair.overall')} value={p4(f.targets.pValue)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('fair.overallValue', {
                stat: f.targets.statistic.toFixed(2),
                df: f.targets.df,
                p: p4(f.targets.pValue),
              })}
            </Typography.Text>
          </Col>
          <Col span={24}>
            <Typography.Title level={5}>{t('fair.targets')}</Typography.Title>
            <Table
              size="small"
              rowKey="targetId"
              dataSource={f.targetOutliers}
              locale={{ emptyText: t('fair.none') }}
              scroll={{ x: true }}
              columns={[
                {
                  key: 'target',
                  title: t('dash.col.target_id'),
                  render: (_, r) => `${r.targetId} ${r.name ?? ''}`,
                },
                { key: 'draws', title: t('fair.draws.col'), dataIndex: 'draws' },
                { key: 'observed', title: t('fair.observed'), dataIndex: 'observed' },
                { key: 'expected', title: t('fair.expected'), render: (_, r) => r.expected.toFixed(2) },
                { key: 'stat', title: t('fair.statistic'), render: (_, r) => r.statistic.toFixed(2) },
                { key: 'p', title: t('fair.pValue'), render: (_, r) => p4(r.pValue) },
              ]}
            />
          </Col>
          <Col span={24}>
            <Typography.Title level={5}>{t('fair.pairs')}</Typography.Title>
            <Typography.Text type="secondary">
              {t('fair.pairsSummary', { n: f.pairs.repeated, f: f.pairs.flagged })}
            </Typography.Text>
            <Table
              size="small"
              rowKey={(r) => `${r.inspectorId}/${r.targetId}`}
              dataSource={f.pairOutliers}
              locale={{ emptyText: t('fair.none') }}
              scroll={{ x: true }}
              columns={[
                { key: 'inspector', title: t('fair.inspector'), dataIndex: 'inspectorId' },
                { key: 'target', title: t('dash.col.target_id'), dataIndex: 'targetId' },
                { key: 'together', title: t('fair.together'), dataIndex: 'together' },
                { key: 'visits', title: t('fair.targetVisits'), dataIndex: 'targetVisits' },
                { key: 'share', title: t('fair.share'), render: (_, r) => `${(r.share * 100).toFixed(1)}%` },
                { key: 'p', title: t('fair.pValue'), render: (_, r) => p4(r.pValue) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
