/**
 * "为什么是 D 级？": a target's effective tier with its source and date, the computed score with
 * every indicator's part, and the imported tier, kept apart (issue 6). Used on the risk page
 * and in the target detail drawer.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { errorMessage, unwrap } from '../api/errors';
import type { RiskContribution } from '../api/risk-types';
import { useI18n } from '../hooks/use-i18n';
import type { MessageKey } from '../i18n/types';
import { codeLabel } from '../i18n/code-label';
import { formatDate, formatDateTime } from '../format/china-time';

const TIER_COLORS: Readonly<Record<string, string>> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** The label key of a tier, or null for an unknown value. */
export function tierKey(tier: string | null): MessageKey | null {
  return tier === 'A' || tier === 'B' || tier === 'C' || tier === 'D' ? `risk.tier.${tier}` : null;
}

/** A coloured tier tag. */
export function TierTag({ tier }: { readonly tier: string | null }) {
  const { t } = useI18n();
  const key = tierKey(tier);
  return key === null ? (
    <Tag>{t('risk.dist.unrated')}</Tag>
  ) : (
    <Tag color={TIER_COLORS[tier ?? ''] ?? 'default'}>{t(key)}</Tag>
  );
}

/** The explanation of one target's tier. */
export function TargetRiskExplain({ targetId }: { readonly targetId: string }) {
  const { t, lang } = useI18n();
  const q = useQuery({
    queryKey: ['risk', 'target', targetId],
    queryFn: () => unwrap(api.GET('/api/risk/targets/{id}', { params: { path: { id: targetId } } })),
    meta: { silent: true },
    retry: false,
  });
  if (q.error !== null) {
    return <Alert type="info" showIcon message={errorMessage(q.error, lang)} />;
  }
  const d = q.data;
  if (d === undefined) {
    return null;
  }
  const c = d.computed;
  const max = c === null ? 0 : Math.max(...c.contributions.map((x) => Number(x.points)), 1);
  const label = (x: RiskContribution) => (lang === 'en' ? x.labelEn : x.labelZh);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="risk-explain">
      <Typography.Title level={5}>
        {t('risk.explain.title', { tier: d.effective.tier ?? '—' })}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('risk.explain.effective')}>
          <TierTag tier={d.effective.tier} />
          {d.effective.source === 'computed' || d.effective.source === 'imported'
            ? t(`risk.source.${d.effective.source}`)
            : (d.effective.source ?? '')}{' '}
          {d.effective.date ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.explain.computed')}>
          {c === null ? (
            t('risk.explain.none')
          ) : (
            <>
              <TierTag tier={c.tier} />{' '}
              {t('risk.explain.score', { score: c.score, asOf: c.asOf, model: c.modelVersion })}
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.explain.imported')}>
          {d.imported === null
            ? t('risk.explain.none')
            : t('risk.explain.importedLine', {
                tier: d.imported.tier,
                date: d.imported.ratedOn,
                source: d.imported.source,
              })}
        </Descriptions.Item>
      </Descriptions>
      {d.alerts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="risk-alerts-on-target"
          message={t('alerts.onTarget', { n: d.alerts.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {d.alerts.map((a) => (
                <li key={a.id}>
                  {t('alerts.onTargetLine', {
                    type: codeLabel(t, [`alerts.type.${a.type}`], a.type),
                    source: a.sourceName,
                    at: formatDateTime(a.occurredAt),
                    until: formatDate(a.expiresAt),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {c !== null && (
        <Table<RiskContribution>
          size="small"
          rowKey="indicator"
          pagination={false}
          dataSource={[...c.contributions].sort((a, b) => Number(b.points) - Number(a.points))}
          columns={[
            { title: t('risk.explain.indicator'), render: (_, x) => label(x) },
            { title: t('risk.explain.value'), render: (_, x) => (lang === 'en' ? x.detailEn : x.detailZh) },
            {
              title: t('risk.explain.points'),
              width: 200,
              render: (_, x) => (
                <Space>
                  <Progress
                    aria-label={t('progress.points')}
                    percent={Math.round((Number(x.points) / max) * 100)}
                    showInfo={false}
                    size="small"
                    style={{ width: 90 }}
                    strokeColor={Number(x.points) > 0 ? '#cf1322' : '#d9d9d9'}
                  />
                  <span>{x.points}</span>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
