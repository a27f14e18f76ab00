/**
 * 风险预警 (issue 16 part 1): alerts that partner systems (明厨亮灶 cameras, smart elevators)
 * send, per source with what waits for triage, a chart of alerts per day, and the queue where
 * staff verify, dismiss (with a reason) or refer each alert. Department admins register
 * sources and issue their signing keys, shown once.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Modal, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { AlertSourceSecret, RiskAlert } from '../../api/risk-types';
import { formatDate, formatDateTime } from '../../format/china-time';
import { useI18n } from '../../hooks/use-i18n';
import { useSession } from '../../hooks/use-session';
import { CHART_DAYS, DailyChart, NewSourceModal, SourceCard } from './alerts/AlertSourceParts';
import { ReasonModal } from './alerts/ReasonModal';

type Status = RiskAlert['status'];
type StatusFilter = Status | 'all';
const STATUS_COLORS: Readonly<Record<Status, string>> = {
  new: 'red',
  verified: 'orange',
  dismissed: 'default',
  referred: 'blue',
};

/** /console/risk-alerts */
export function RiskAlertsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('new');
  const [sourceId, setSourceId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<AlertSourceSecret | null>(null);
  const [asking, setAsking] = useState<{ alert: RiskAlert; action: 'dismiss' | 'refer' } | null>(null);
  const summary = useQuery({
    queryKey: ['alerts', 'summary'],
    queryFn: () => unwrap(api.GET('/api/risk-alerts/summary', { params: { query: { days: CHART_DAYS } } })),
  });
  const list = useQuery({
    queryKey: ['alerts', 'list', status, sourceId, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/risk-alerts', {
          params: {
            query: {
              page,
              pageSize: 20,
              ...(status === 'all' ? {} : { status }),
              ...(sourceId === undefined ? {} : { sourceId }),
            },
          },
        }),
      ),
  });
  const verify = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/risk-alerts/{id}/triage', {
          params: { path: { id } },
          body: { action: 'verify', reason: null },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['alerts'] }),
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const sources = summary.data?.sources ?? [];
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const canTriage =
    user?.roles.some((r) => r === 'dept_admin' || r === 'leader' || r === 'system_admin') === true;
  const canAdd = user?.roles.some((r) => r === 'dept_admin' || r === 'system_admin') === true;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('alerts.sources')}
        loading={summary.isLoading}
        extra={
          canAdd && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('alerts.sources.add')}
            </Button>
          )
        }
      >
        {sources.length === 0 ? (
          <Typography.Text type="secondary">{t('alerts.sources.empty')}</Typography.Text>
        ) : (
          <Row gutter={[12, 12]}>
            {sources.map((s) => (
              <Col key={s.id} xs={24} sm={12} lg={8}>
                <SourceCard source={s} onSecret={setSecret} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {summary.data !== undefined && summary.data.daily.length > 0 && (
        <Card size="small" title={t('alerts.chart', { days: CHART_DAYS })}>
          <DailyChart summary={summary.data} />
        </Card>
      )}
      <Card
        size="small"
        title={t('alerts.queue')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('alerts.filter.source')}
              style={{ minWidth: 140 }}
              value={sourceId ?? ''}
              onChange={(v) => {
                setSourceId(v === '' ? undefined : v);
                setPage(1);
              }}
              options={[
                { value: '', label: t('alerts.filter.allSources') },
                ...sources.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <Segmented<StatusFilter>
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={(['new', 'verified', 'dismissed', 'referred', 'all'] as const).map((v) => ({
                value: v,
                label: t(`alerts.status.${v}`),
              }))}
            />
          </Space>
        }
      >
        <Table<RiskAlert>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1260 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            { title: t('alerts.col.received'), width: 150, render: (_, a) => formatDateTime(a.receivedAt) },
            {
              title: t('alerts.col.source'),
              width: 120,
              render: (_, a) => sourceName.get(a.sourceId) ?? a.sourceId,
            },
            {
              title: t('alerts.col.type'),
              width: 120,
              render: (_, a) => <Tag>{t(`alerts.type.${a.type}`)}</Tag>,
            },
            {
              title: t('alerts.col.target'),
              width: 260,
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  {a.targetName === null ? (
                    <Typography.Text type="warning">{t('alerts.col.unmatched')}</Typography.Text>
                  ) : (
                    <Typography.Text>{a.targetName}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[a.uscc, a.equipmentId, a.location].filter((x) => x !== null).join(' · ')}
                  </Typography.Text>
                  {a.detail !== null && (
                    <Typography.Text style={{ fontSize: 12 }}>{a.detail}</Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('alerts.col.occurred'), width: 150, render: (_, a) => formatDateTime(a.occurredAt) },
            {
              title: t('alerts.col.expires'),
              width: 110,
              render: (_, a) =>
                a.active ? (
                  formatDate(a.expiresAt)
                ) : (
                  <Typography.Text delete>{formatDate(a.expiresAt)}</Typography.Text>
                ),
            },
            {
              title: t('alerts.col.status'),
              width: 150,
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_COLORS[a.status]}>{t(`alerts.status.${a.status}`)}</Tag>
                  {a.triageReason !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.triageReason}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('alerts.col.actions'),
              width: 190,
              render: (_, a) =>
                a.status !== 'new' || !canTriage ? (
                  <Typography.Text type="secondary">
                    {a.triagedBy === null ? '' : `${a.triagedBy} ${formatDateTime(a.triagedAt)}`}
                  </Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      type="primary"
                      loading={verify.isPending}
                      onClick={() => verify.mutate(a.id)}
                    >
                      {t('alerts.verify')}
                    </Button>
                    <Button size="small" onClick={() => setAsking({ alert: a, action: 'dismiss' })}>
                      {t('alerts.dismiss')}
                    </Button>
                    <Button size="small" onClick={() => setAsking({ alert: a, action: 'refer' })}>
                      {t('alerts.refer')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <NewSourceModal open={adding} onClose={() => setAdding(false)} onSecret={setSecret} />
      <ReasonModal
        alert={asking?.alert ?? null}
        action={asking?.action ?? 'dismiss'}
        onClose={() => setAsking(null)}
      />
      <Modal
        open={secret !== null}
        title={t('alerts.sources.secretTitle')}
        onCancel={() => setSecret(null)}
        footer={<Button onClick={() => setSecret(null)}>{t('alerts.sources.secretDone')}</Button>}
      >
        {secret !== null && (
          <Space direction="vertical">
            <Typography.Text strong>{secret.source.name}</Typography.Text>
            <Typography.Paragraph copyable code data-testid="alert-source-secret">
              {secret.secret}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('alerts.sources.secretHint')}</Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
