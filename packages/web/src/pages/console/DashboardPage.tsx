/**
 * 统计分析 (/console/dashboard, issue 6): filters (region, department, year, quarter) over four tabs —
 * statistics with drill-down, joint-task suggestions, evaluation (考核) and the fairness monitor.
 * Leaders and auditors see all four; department admins the joint suggestions and the evaluation.
 */
import { Button, Input, InputNumber, Segmented, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { EvaluationPanel } from './dashboard/EvaluationPanel';
import { FairnessPanel } from './dashboard/FairnessPanel';
import { JointPanel } from './dashboard/JointPanel';
import { OverviewPanel } from './dashboard/OverviewPanel';

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const reader =
    me.roles.includes('leader') || me.roles.includes('auditor') || me.roles.includes('system_admin');
  const oversight = me.roles.includes('auditor') || me.roles.includes('system_admin');
  const [region, setRegion] = useState(me.department.regionCode);
  const [draft, setDraft] = useState(me.department.regionCode);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(new Date().getFullYear());
  const [quarter, setQuarter] = useState<number | undefined>(undefined);
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org')) });
  const depts = (org.data?.departments ?? []).filter(
    (d) => region === 'all' || d.regionCode.startsWith(region.replace(/0+$/, '')),
  );
  const scope = {
    year,
    region,
    ...(quarter === undefined ? {} : { quarter }),
    ...(department === undefined ? {} : { department }),
  };
  const apply = () => {
    const v = draft.trim();
    if (v === 'all' || /^\d{6}$/.test(v)) {
      setRegion(v);
      setDepartment(undefined);
    }
  };
  const tabs = [
    ...(reader
      ? [{ key: 'overview', label: t('dash.tab.overview'), children: <OverviewPanel scope={scope} /> }]
      : []),
    { key: 'joint', label: t('dash.tab.joint'), children: <JointPanel year={year} /> },
    {
      key: 'evaluation',
      label: t('dash.tab.evaluation'),
      children: <EvaluationPanel region={region} year={year} />,
    },
    ...(reader
      ? [
          {
            key: 'fairness',
            label: t('dash.tab.fairness'),
            children: <FairnessPanel region={region} year={year} />,
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap className="ssj-noprint">
        {oversight && (
          <Space.Compact>
            <Input
              aria-label={t('dash.filter.region')}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onPressEnter={apply}
              style={{ width: 120 }}
              placeholder="500112 / all"
            />
            <Button onClick={apply}>{t('dash.filter.apply')}</Button>
          </Space.Compact>
        )}
        <Select
          aria-label={t('dash.filter.department')}
          style={{ width: 200 }}
          allowClear
          placeholder={t('dash.filter.allDepartments')}
          value={department}
          onChange={(v: string | undefined) => setDepartment(v)}
          options={depts.map((d) => ({ value: d.code, label: d.name }))}
        />
        <InputNumber
          aria-label={t('dash.filter.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v !== null && setYear(v)}
          style={{ width: 96 }}
        />
        <Segmented<string>
          value={quarter === undefined ? 'all' : `Q${quarter}`}
          onChange={(v) => setQuarter(v === 'all' ? undefined : Number(v.slice(1)))}
          options={[{ value: 'all', label: t('dash.filter.fullYear') }, 'Q1', 'Q2', 'Q3', 'Q4']}
        />
      </Space>
      <Tabs items={tabs} destroyOnHidden />
    </Space>
  );
}
