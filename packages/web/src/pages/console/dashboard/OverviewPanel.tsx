/**
 * 统计分析 (issue 6): KPI cards and ECharts charts of a region, department and period; a click on
 * any chart opens the records behind it (DrillTable).
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { Dashboard, RecordsQuery } from '../../../api/oversight-types';
import { EChart } from '../../../components/EChart';
import { useI18n } from '../../../hooks/use-i18n';
import { formatReduction } from './reduction';
import { DrillTable, type Drill } from './DrillTable';

type Scope = Pick<RecordsQuery, 'year' | 'region' | 'quarter' | 'department'>;

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function Kpi({
  title,
  value,
  detail,
}: {
  readonly title: string;
  readonly value: string;
  readonly detail?: string;
}) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} />
      {detail !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The statistics tab. */
export function OverviewPanel({ scope }: { readonly scope: Scope }) {
  const { t, lang } = useI18n();
  const [drill, setDrill] = useState<Drill | null>(null);
  const res = useQuery({
    queryKey: ['dashboard', 'metrics', scope],
    queryFn: () => unwrap(api.GET('/api/dashboard/metrics', { params: { query: scope } })),
  });
  const d: Dashboard | undefined = res.data;
  if (d === undefined) {
    return (
      <Card loading={res.isLoading}>{res.isError ? <Empty description={String(res.error)} /> : null}</Card>
    );
  }
  const tt = d.totals;
  const depts = d.departments;
  const deptName = (i: number): { code: string; name: string } => depts[i] ?? { code: '', name: '' };
  const open = (label: string, query: Drill['query']) => setDrill({ label, query });

  const onDept = (e: ECElementEvent) => {
    const dep = deptName(e.dataIndex);
    open(
      `${dep.name} · ${String(e.seriesName)}`,
      e.seriesIndex === 0
        ? { kind: 'tasks', department: dep.code }
        : { kind: 'inspections', department: dep.code },
    );
  };
  const RATE_SERIES = [
    {
      key: 'coverage',
      label: t('dash.kpi.coverage'),
      query: (dep: string): Drill['query'] => ({ kind: 'inspections', department: dep }),
    },
    {
      key: 'problemRate',
      label: t('dash.kpi.problemRate'),
      query: (dep: string): Drill['query'] => ({ kind: 'inspections', department: dep, problem: 'true' }),
    },
    {
      key: 'onTimePublication',
      label: t('dash.kpi.onTime'),
      query: (dep: string): Drill['query'] => ({ kind: 'tasks', department: dep }),
    },
    {
      key: 'followUpClosure',
      label: t('dash.kpi.closure'),
      query: (dep: string): Drill['query'] => ({ kind: 'followUps', department: dep }),
    },
    {
      key: 'jointShare',
      label: t('dash.kpi.jointShare'),
      query: (dep: string): Drill['query'] => ({ kind: 'tasks', department: dep, joint: 'true' }),
    },
  ] as const;
  const onRate = (e: ECElementEvent) => {
    const dep = deptName(e.dataIndex);
    const s = RATE_SERIES[e.seriesIndex ?? 0];
    if (s !== undefined) {
      open(`${dep.name} · ${s.label}`, s.query(dep.code));
    }
  };
  const onMonth = (e: ECElementEvent) => {
    const m = d.months[e.dataIndex];
    if (m !== undefined) {
      open(
        `${m.month} · ${String(e.seriesName)}`,
        e.seriesIndex === 1
          ? { kind: 'inspections', month: m.month, problem: 'true' }
          : { kind: 'inspections', month: m.month },
      );
    }
  };
  const onCategory = (e: ECElementEvent) => {
    const c = d.categories[e.dataIndex];
    if (c !== undefined) {
      open(c.category, { kind: 'inspections', category: c.category });
    }
  };
  const onJoint = (e: ECElementEvent) =>
    open(String(e.name), { kind: 'tasks', joint: e.dataIndex === 0 ? 'true' : 'false' });
  const onWorkload = (e: ECElementEvent) => {
    const w = d.workload[e.dataIndex];
    if (w !== undefined) {
      open(w.inspector, { kind: 'inspections', inspector: w.inspector });
    }
  };
  const names = depts.map((x) => x.name);
  const axisGrid = { left: 48, right: 16, top: 36, bottom: 64, containLabel: true };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.tasks')} value={tt.tasks.toLocaleString()} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('dash.kpi.inspections')}
          value={tt.inspections.toLocaleString()}
          detail={t('dash.kpi.inspectionsDetail', {
            onsite: (tt.inspections - tt.remoteInspections).toLocaleString(),
            remote: tt.remoteInspections.toLocaleString(),
          })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.jointShare')} value={pct(tt.jointShare)} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('dash.kpi.visits')}
          value={formatReduction(tt.visits.reduction, lang)}
          detail={t('dash.kpi.visitsDetail', {
            alone: tt.visits.alone.toLocaleString(),
            made: tt.visits.made.toLocaleString(),
          })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.problemRate')} value={pct(tt.problemRate)} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.coverage')} value={pct(tt.coverage)} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.onTime')} value={pct(tt.onTimePublication)} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.closure')} value={pct(tt.followUpClosure)} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi title={t('dash.kpi.riskUsage')} value={pct(tt.riskUsage)} />
      </Col>
      <Col xs={24} md={16} xl={12}>
        <Kpi
          title={t('dash.kpi.workload')}
          value={tt.workload.gini.toFixed(3)}
          detail={t('dash.kpi.workloadDetail', {
            gini: tt.workload.gini.toFixed(3),
            cv: tt.workload.cv.toFixed(3),
            n: tt.workload.inspectors,
          })}
        />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary">{t('dash.clickHint')}</Typography.Text>
      </Col>
      {drill !== null && (
        <Col span={24}>
          <DrillTable
            key={JSON.stringify(drill.query)}
            drill={drill}
            scope={scope}
            onClose={() => setDrill(null)}
          />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.byDepartment')}>
          <EChart
            ariaLabel={t('dash.chart.byDepartment')}
            onItemClick={onDept}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: axisGrid,
              xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
              yAxis: { type: 'value' },
              series: [
                { type: 'bar', name: t('dash.series.tasks'), data: depts.map((x) => x.tasks) },
                { type: 'bar', name: t('dash.series.inspections'), data: depts.map((x) => x.inspections) },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.rates')}>
          <EChart
            ariaLabel={t('dash.chart.rates')}
            onItemClick={onRate}
            option={{
              tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
              legend: { top: 0, type: 'scroll' },
              grid: axisGrid,
              xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
              yAxis: { type: 'value', max: 100 },
              series: RATE_SERIES.map((s) => ({
                type: 'bar' as const,
                name: s.label,
                data: depts.map((x) => Math.round((x[s.key] ?? 0) * 1000) / 10),
              })),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.monthly')}>
          <EChart
            ariaLabel={t('dash.chart.monthly')}
            onItemClick={onMonth}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: axisGrid,
              xAxis: { type: 'category', data: d.months.map((m) => m.month) },
              yAxis: { type: 'value' },
              series: [
                { type: 'bar', name: t('dash.series.inspections'), data: d.months.map((m) => m.inspections) },
                { type: 'line', name: t('dash.series.problems'), data: d.months.map((m) => m.withProblem) },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.categories')}>
          <EChart
            ariaLabel={t('dash.chart.categories')}
            onItemClick={onCategory}
            option={{
              tooltip: { trigger: 'item' },
              series: [
                {
                  type: 'pie',
                  radius: ['35%', '65%'],
                  data: d.categories.map((c) => ({ name: c.category, value: c.inspections })),
                  label: { overflow: 'truncate', width: 110 },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.joint')}>
          <EChart
            ariaLabel={t('dash.chart.joint')}
            onItemClick={onJoint}
            option={{
              tooltip: { trigger: 'item' },
              legend: { bottom: 0 },
              series: [
                {
                  type: 'pie',
                  radius: '60%',
                  data: [
                    { name: t('dash.series.joint'), value: tt.jointTasks },
                    { name: t('dash.series.single'), value: tt.tasks - tt.jointTasks },
                  ],
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dash.chart.workload')}>
          <EChart
            ariaLabel={t('dash.chart.workload')}
            onItemClick={onWorkload}
            option={{
              tooltip: { trigger: 'axis' },
              grid: axisGrid,
              xAxis: {
                type: 'category',
                data: d.workload.map((w) => w.inspector),
                axisLabel: { rotate: 45 },
              },
              yAxis: { type: 'value' },
              series: [
                { type: 'bar', name: t('dash.series.inspections'), data: d.workload.map((w) => w.visits) },
              ],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
