/**
 * 考核 (issue 6: 照单履责、照单考核): every department of the region scored under the region's
 * criteria and weights, with the xlsx export and a print view (the browser prints this card only).
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { EvaluationReport } from '../../../api/oversight-types';
import { useI18n } from '../../../hooks/use-i18n';
import type { MessageKey } from '../../../i18n/types';

type Row = EvaluationReport['rows'][number];
type CriterionKey = Row['parts'][number]['key'];

const CRITERION_LABEL: Readonly<Record<CriterionKey, MessageKey>> = {
  planOnTime: 'eval.criterion.planOnTime',
  coverage: 'eval.criterion.coverage',
  jointShare: 'eval.criterion.jointShare',
  onTimePublication: 'eval.criterion.onTimePublication',
  followUpClosure: 'eval.criterion.followUpClosure',
  riskUsage: 'eval.criterion.riskUsage',
  problemDiscovery: 'eval.criterion.problemDiscovery',
};

const PRINT_CSS = `@media print { body * { visibility: hidden; } .ssj-print, .ssj-print * { visibility: visible; } .ssj-print { position: absolute; inset: 0; } .ssj-noprint { display: none; } }`;

/** The evaluation tab; `editLink` offers the criteria editor (系统设置) to those who may change them. */
export function EvaluationPanel({
  region,
  year,
  editLink = true,
}: {
  readonly region: string;
  readonly year: number;
  readonly editLink?: boolean;
}) {
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['evaluation', region, year],
    queryFn: () => unwrap(api.GET('/api/evaluation/report', { params: { query: { region, year } } })),
  });
  const criteria = useQuery({
    queryKey: ['evaluation', 'criteria', region],
    queryFn: () => unwrap(api.GET('/api/evaluation/criteria', { params: { query: { region } } })),
  });
  const crit = report.data?.config.criteria ?? [];
  const exportUrl = `/api/evaluation/export?${new URLSearchParams({ region, year: String(year) }).toString()}`;
  return (
    <Card
      size="small"
      className="ssj-print"
      title={t('eval.title', { year })}
      extra={
        <Space className="ssj-noprint" wrap>
          {editLink && criteria.data?.canEdit === true && (
            <Link
              to={`/console/settings?${new URLSearchParams({ tab: 'evaluation', region, year: String(year) }).toString()}`}
            >
              {t('crit.edit')}
            </Link>
          )}
          <Button href={exportUrl}>{t('eval.export')}</Button>
          <Button onClick={() => window.print()}>{t('eval.print')}</Button>
        </Space>
      }
    >
      <style>{PRINT_CSS}</style>
      {criteria.data !== undefined && (
        <Typography.Text type="secondary">
          {t('eval.criteriaSource', { source: criteria.data.source })}
        </Typography.Text>
      )}
      <Table<Row>
        size="small"
        rowKey="departmentCode"
        loading={report.isLoading}
        dataSource={report.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="evaluation-table"
        columns={[
          { key: 'rank', title: t('eval.rank'), render: (_, r) => r.rank ?? '—', width: 56 },
          { key: 'dept', title: t('eval.department'), render: (_, r) => r.name },
          {
            key: 'items',
            title: t('eval.items'),
            render: (_, r) => t('eval.itemsValue', { inspected: r.itemsInspected, items: r.items }),
          },
          ...crit.map((c, i) => ({
            key: c.key,
            title: (
              <span>
                {t(CRITERION_LABEL[c.key])}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('eval.weight', { w: c.weight })}
                </Typography.Text>
              </span>
            ),
            render: (_: unknown, r: Row) => {
              const p = r.parts[i];
              return p === undefined || p.points === null
                ? t('eval.na')
                : `${p.points.toFixed(1)}（${((p.value ?? 0) * 100).toFixed(0)}%）`;
            },
          })),
          {
            key: 'total',
            title: t('eval.total'),
            render: (_, r) => (
              <Typography.Text strong>{r.total === null ? '—' : r.total.toFixed(2)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
