/**
 * The region's tier distribution (ECharts bar per source: library tier, computed, imported) and
 * the credit-risk usage rate per department with the 80 % goal of 003 (issue 6).
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, InputNumber, Progress, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { RiskDistribution, RiskUsage } from '../../../api/risk-types';
import { EChart } from '../../../components/EChart';
import { useI18n } from '../../../hooks/use-i18n';

type Source = 'effective' | 'computed' | 'imported';
const TIERS = ['A', 'B', 'C', 'D'] as const;
const COLORS = ['#52c41a', '#1677ff', '#fa8c16', '#cf1322', '#bfbfbf'];

/** The distribution chart of a region. */
export function RiskDistributionCard({ region }: { readonly region: string }) {
  const { t } = useI18n();
  const [source, setSource] = useState<Source>('effective');
  const dist = useQuery({
    queryKey: ['risk', 'distribution', region],
    queryFn: () => unwrap(api.GET('/api/risk/distribution', { params: { query: { region } } })),
  });
  const d: RiskDistribution | undefined = dist.data;
  const counts = d?.[source];
  const labels = [...TIERS.map((k) => t(`risk.tier.${k}`)), t('risk.dist.unrated')];
  const values = counts === undefined ? [] : [counts.A, counts.B, counts.C, counts.D, counts.unrated];
  return (
    <Card
      size="small"
      title={t('risk.dist')}
      loading={dist.isLoading}
      extra={
        <Segmented<Source>
          size="small"
          value={source}
          onChange={setSource}
          options={[
            { value: 'effective', label: t('risk.dist.effective') },
            { value: 'computed', label: t('risk.dist.computed') },
            { value: 'imported', label: t('risk.dist.imported') },
          ]}
        />
      }
    >
      <Typography.Text type="secondary">
        {t('risk.dist.total', { n: (d?.total ?? 0).toLocaleString() })}
      </Typography.Text>
      <EChart
        ariaLabel={t('risk.dist')}
        height={280}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 48, right: 16, top: 16, bottom: 32 },
          xAxis: { type: 'category', data: labels },
          yAxis: { type: 'value' },
          series: [
            {
              type: 'bar',
              data: values.map((v, i) => ({ value: v, itemStyle: { color: COLORS[i] ?? '#bfbfbf' } })),
              label: { show: true, position: 'top' },
            },
          ],
        }}
      />
    </Card>
  );
}

const pct = (p: number | null) => (p === null ? '—' : `${p}%`);

/** The usage rate of a region's departments. */
export function RiskUsageCard({ region }: { readonly region: string }) {
  const { t } = useI18n();
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const usage = useQuery({
    queryKey: ['risk', 'usage', region, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/risk/usage', { params: { query: year === null ? { region } : { region, year } } }),
      ),
  });
  const u: RiskUsage | undefined = usage.data;
  return (
    <Card
      size="small"
      title={t('risk.usage')}
      loading={usage.isLoading}
      extra={
        <InputNumber
          size="small"
          aria-label={t('risk.usage.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : null)}
        />
      }
    >
      {u !== undefined && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t('risk.usage.departments', {
                  part: u.departmentsUsing.part,
                  whole: u.departmentsUsing.whole,
                  percent: pct(u.departmentsUsing.percent),
                  goal: u.goalPercent,
                })}
                value={u.departmentsUsing.percent ?? 0}
                suffix="%"
              />
              <Progress
                aria-label={t('progress.usage')}
                percent={u.departmentsUsing.percent ?? 0}
                success={{ percent: Math.min(u.departmentsUsing.percent ?? 0, u.goalPercent) }}
                strokeColor={(u.departmentsUsing.percent ?? 0) >= u.goalPercent ? '#52c41a' : '#fa8c16'}
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('risk.usage.tasks', {
                  part: u.tasks.part,
                  whole: u.tasks.whole,
                  percent: pct(u.tasks.percent),
                })}
                value={u.tasks.percent ?? 0}
                suffix="%"
              />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="departmentCode"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={u.departments}
            columns={[
              { title: t('risk.usage.department'), render: (_, r) => `${r.name}（${r.departmentCode}）` },
              { title: t('risk.usage.taskCount'), dataIndex: 'tasks', align: 'right' },
              { title: t('risk.usage.tiered'), dataIndex: 'tieredTasks', align: 'right' },
              { title: t('risk.usage.rate'), align: 'right', render: (_, r) => pct(r.rate.percent) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
