/** The 风险预警 page's sources (issue 16): the chart of alerts per day, a source's card, and registering one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { AlertSource, AlertSourceSecret, AlertSummary } from '../../../api/risk-types';
import { EChart } from '../../../components/EChart';
import { useI18n } from '../../../hooks/use-i18n';
import { useSession } from '../../../hooks/use-session';

/** Days the chart covers. */
export const CHART_DAYS = 30;

/** Alerts per day and source as stacked bars. */
export function DailyChart({ summary }: { readonly summary: AlertSummary }) {
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
export function SourceCard({
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
export function NewSourceModal({
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
