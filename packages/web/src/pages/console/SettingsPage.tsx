/**
 * 系统设置 (/console/settings, issue 6): two region settings — the evaluation criteria and weights
 * (考核指标与权重) with the report they produce, and the adjacent regions that form each other's
 * fallback pool (相邻地区备用人员库). The tab and region live in the URL (?tab=…&region=…), so the
 * evaluation report can link here. Who may change what is the server's answer (canEdit) or its role rule.
 */
import { useQuery } from '@tanstack/react-query';
import { Grid, InputNumber, Select, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import type { MessageKey } from '../../i18n/types';
import { EvaluationPanel } from './dashboard/EvaluationPanel';
import { AppealTermsCard } from './settings/AppealTermsCard';
import { EvaluationCriteriaCard } from './settings/EvaluationCriteriaCard';
import { FallbackRegionsCard } from './settings/FallbackRegionsCard';
import { readableRegions, regionOptions } from './settings/region-settings';

type Tab = 'evaluation' | 'fallback' | 'appeals';
const TABS: readonly Tab[] = ['evaluation', 'fallback', 'appeals'];
const tabOf = (k: string | null): Tab => TABS.find((x) => x === k) ?? 'evaluation';
const TAB_LABELS: Readonly<Record<Tab, MessageKey>> = {
  evaluation: 'settings.tab.evaluation',
  fallback: 'settings.tab.fallback',
  appeals: 'appeals.terms',
};

/** The settings page. */
export function SettingsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  // on a phone three tab labels do not fit: a picker replaces the tab bar (antd's overflow menu is not accessible)
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const picked = params.get('region');
  const region = picked !== null && /^\d{6}$/.test(picked) ? picked : me.department.regionCode;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : new Date().getFullYear();
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org')) });
  const regions = org.data?.regions ?? [];
  const readable = readableRegions(regions, me.roles, me.department.regionCode);
  const set = (next: { tab?: Tab; region?: string; year?: number }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };
  const regionPicker = (
    <Select
      aria-label={t('settings.region')}
      showSearch
      optionFilterProp="search"
      placeholder={t('settings.regionPlaceholder')}
      value={region}
      onChange={(v: string) => set({ region: v })}
      options={regionOptions(readable)}
      loading={org.isLoading}
      style={{ width: 240, maxWidth: '100%' }}
    />
  );
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => set({ tab: tabOf(k) })}
      {...(narrow
        ? {
            renderTabBar: () => (
              <Select<Tab>
                aria-label={t('settings.section')}
                value={tab}
                onChange={(k) => set({ tab: k })}
                options={TABS.map((k) => ({ value: k, label: t(TAB_LABELS[k]) }))}
                style={{ width: '100%', marginBottom: 16 }}
              />
            ),
          }
        : {})}
      destroyOnHidden
      items={[
        {
          key: 'evaluation',
          label: t(TAB_LABELS.evaluation),
          children: (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Space wrap>
                {regionPicker}
                <InputNumber
                  aria-label={t('crit.year')}
                  addonBefore={t('crit.year')}
                  min={2000}
                  max={2100}
                  value={year}
                  onChange={(y) => typeof y === 'number' && set({ year: y })}
                  style={{ width: 180 }}
                />
              </Space>
              <EvaluationCriteriaCard region={region} regions={regions} />
              <EvaluationPanel region={region} year={year} editLink={false} />
            </Space>
          ),
        },
        {
          key: 'fallback',
          label: t(TAB_LABELS.fallback),
          children: (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {regionPicker}
              <FallbackRegionsCard
                region={region}
                regions={regions}
                canEdit={me.roles.includes('system_admin')}
                onPick={(code) => set({ region: code })}
              />
            </Space>
          ),
        },
        {
          key: 'appeals',
          label: t(TAB_LABELS.appeals),
          children: (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {regionPicker}
              <AppealTermsCard region={region} regions={regions} />
            </Space>
          ),
        },
      ]}
    />
  );
}
