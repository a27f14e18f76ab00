/**
 * 风险预警 (issue 16 part 1): alerts that partner systems (明厨亮灶 cameras, smart elevators)
 * send, per source with what waits for triage, a chart of alerts per day, and the queue where
 * staff verify, dismiss (with a reason) or refer each alert. Department admins register
 * sources and issue their signing keys, shown once.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { AlertSource, AlertSourceSecret, AlertSummary, RiskAlert } from '../../api/risk-types';
import { EChart } from '../../components/EChart';
import { formatDate, formatDateTime } from '../../format/china-time';
import { useI18n } from '../../hooks/use-i18n';
import { useSession } from '../../hooks/use-session';

type Status = RiskAlert['status'];
type StatusFilter = Status | 'all';
const STATUS_COLORS: Readonly<Record<Status, string>> = {
  new: 'red',
  verified: 'orange',
  dismissed: 'default',
  referred: 'blue',
};
const CHART_DAYS = 30;

/** Alerts per day and source as stacked bars. */
function DailyChart({ summary }: { readonly summary: AlertSummary }) {
  const { t } = useI18n();
  const name = new Map(summary.sources.map((s) => [s.id, s.name]));
  const ids = [...new Set(summary.daily.map((d) => d.sourceId))];
  return (
    <EChart
      ariaLabel={t('alerts.chart', { days: CHART_DAYS })}
      height={240}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: summary.days.map((d) => d.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: ids.map((id) => ({
          name: name.get(id) ?? id,
          type: 'bar',
          stack: 'alerts',
          data: summary.days.map(
            (day) => summary.daily.find((d) => d.day === day && d.sourceId === id)?.count ?? 0,
          ),
        })),
      }}
    />
  );
}

/** A source's card: kind, what waits, the total, and (for its admins) on/off and a new key. */
function SourceCard({
  source,
  onSecret,
}: {
  readonly source: AlertSource;
  readonly onSecret: (s: AlertSourceSecret) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['alerts'] });
  const toggle = useMutation({
    mutationFn: (active: boolean) =>
      unwrap(
        api.PUT('/api/alert-sources/{id}/active', { params: { path: { id: source.id } }, body: { active } }),
      ),
    onSuccess: refresh,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const rotate = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/alert-sources/{id}/rotate-key', { params: { path: { id: source.id } } })),
    onSuccess: onSecret,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const c = source.counts;
  return (
    <Card size="small" data-testid={`alert-source-${source.id}`}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{source.name}</Typography.Text>
          <Tag color={source.kind === 'kitchen' ? 'volcano' : 'geekblue'}>
            {t(`alerts.kind.${source.kind}`)}
          </Tag>
        </Space>
        <Typography.Text type="secondary">
          {source.id} · {source.departmentCode}
        </Typography.Text>
        <Statistic
          title={t('alerts.status.new')}
          value={c.new}
          valueStyle={{ color: c.new > 0 ? '#cf1322' : undefined }}
        />
        <Typography.Text type="secondary">
          {t('alerts.sources.total', { n: c.new + c.verified + c.dismissed + c.referred })}
        </Typography.Text>
        {source.canManage && (
          <Space wrap>
            <Switch
              checked={source.active}
              loading={toggle.isPending}
              onChange={(v) => toggle.mutate(v)}
              aria-label={t('alerts.sources.active')}
            />
            <span>{t('alerts.sources.active')}</span>
            <Popconfirm title={t('alerts.sources.rotateConfirm')} onConfirm={() => rotate.mutate()}>
              <Button size="small" loading={rotate.isPending}>
                {t('alerts.sources.rotate')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Space>
    </Card>
  );
}

interface NewSource {
  id: string;
  name: string;
  kind: AlertSource['kind'];
  departmentCode: string;
}

/** The dialog that registers a source. */
function NewSourceModal({
  open,
  onClose,
  onSecret,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onSecret: (s: AlertSourceSecret) => void;
}) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewSource>();
  const create = useMutation({
    mutationFn: (body: NewSource) => unwrap(api.POST('/api/alert-sources', { body })),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['alerts'] });
      form.resetFields();
      onClose();
      onSecret(s);
    },
  });
  return (
    <Modal
      open={open}
      title={t('alerts.sources.add')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<NewSource>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'kitchen', departmentCode: user?.department.code ?? '' }}
      >
        <Form.Item
          name="id"
          label={t('alerts.sources.id')}
          extra={t('alerts.sources.idHint')}
          rules={[
            { required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('alerts.sources.idHint') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('alerts.sources.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('alerts.sources.kind')}>
          <Select
            options={[
              { value: 'kitchen', label: t('alerts.kind.kitchen') },
              { value: 'elevator', label: t('alerts.kind.elevator') },
            ]}
          />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('alerts.sources.department')} rules={[{ required: true }]}>
          <Input disabled={user?.roles.includes('system_admin') !== true} />
        </Form.Item>
      </Form>
      {create.error !== null && (
        <Typography.Text type="danger">{errorMessage(create.error, lang)}</Typography.Text>
      )}
    </Modal>
  );
}

/** The dialog that asks for the reason of a dismissal or a referral. */
function ReasonModal({
  alert,
  action,
  onClose,
}: {
  readonly alert: RiskAlert | null;
  readonly action: 'dismiss' | 'refer';
  readonly onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/risk-alerts/{id}/triage', { params: { path: { id } }, body: { action, reason } }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['alerts'] });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal
      open={alert !== null}
      title={t(action === 'dismiss' ? 'alerts.dismiss' : 'alerts.refer')}
      onCancel={onClose}
      okButtonProps={{ disabled: reason.trim() === '' }}
      confirmLoading={send.isPending}
      onOk={() => alert !== null && send.mutate(alert.id)}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('alerts.reason')}
        placeholder={t(action === 'dismiss' ? 'alerts.reason.dismiss' : 'alerts.reason.refer')}
        value={reason}
        maxLength={500}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
      />
      {send.error !== null && (
        <Typography.Text type="danger">{errorMessage(send.error, lang)}</Typography.Text>
      )}
    </Modal>
  );
}

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
