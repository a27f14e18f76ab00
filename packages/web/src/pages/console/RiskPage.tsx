/**
 * 信用风险分类 (/console/risk, issue 6): the score model of a region, "score all" with a progress
 * bar, the tier distribution, the usage rate per department, and "why is this firm tier D?".
 * Staff see their own region; auditors and system admins may pick any region or all.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { TargetRiskExplain } from '../../components/TargetRiskExplain';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { RiskDistributionCard, RiskUsageCard } from './risk/RiskChartsCard';
import { RiskModelCard } from './risk/RiskModelCard';
import { RiskRunCard } from './risk/RiskRunCard';

/** The credit-risk page. */
export function RiskPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const oversight = me.roles.includes('system_admin') || me.roles.includes('auditor');
  const [region, setRegion] = useState(me.department.regionCode);
  const [draft, setDraft] = useState(me.department.regionCode);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const model = useQuery({
    queryKey: ['risk', 'model', region],
    queryFn: () => unwrap(api.GET('/api/risk/model', { params: { query: { region } } })),
  });
  const apply = () => {
    const v = draft.trim();
    if (v === 'all' || /^\d{6}$/.test(v)) {
      setRegion(v);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {oversight && (
          <Space.Compact>
            <Input
              aria-label={t('risk.region')}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onPressEnter={apply}
              style={{ width: 140 }}
              placeholder="500112 / all"
            />
            <Button onClick={apply}>{t('risk.regionApply')}</Button>
            <Button
              onClick={() => {
                setDraft('all');
                setRegion('all');
              }}
            >
              {t('risk.regionAll')}
            </Button>
          </Space.Compact>
        )}
        {me.roles.includes('dept_admin') && <Link to="/console/imports">{t('risk.importLink')}</Link>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RiskRunCard region={region} canRun={model.data?.canEdit === true} />
        </Col>
        <Col xs={24} lg={12}>
          <RiskDistributionCard region={region} />
        </Col>
        <Col xs={24} lg={12}>
          <RiskUsageCard region={region} />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('risk.explain')}>
            <Input.Search
              aria-label={t('risk.explain.search')}
              placeholder={t('risk.explain.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={(v) => setTarget(v.trim() === '' ? null : v.trim())}
              enterButton
              allowClear
              data-testid="risk-explain-search"
            />
            {target !== null && (
              <div style={{ marginTop: 12 }}>
                <TargetRiskExplain key={target} targetId={target} />
              </div>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <RiskModelCard region={region} />
        </Col>
      </Row>
    </Space>
  );
}
