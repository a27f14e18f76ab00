/**
 * One objection or credit-repair application: what the business wrote, its files, the result
 * it is about, the business's earlier applications, and, for the reviewing leader while it is
 * pending, the decision form (corrections per item for 结果已更正, a start date for 准予修复).
 */
import { DECISIONS_OF, RESULT_CATEGORIES } from '@openssj/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import { formatDateTime } from '../../../format/china-time';
import { useI18n } from '../../../hooks/use-i18n';
import { APPEAL_STATUS_COLORS } from '../../portal/appeals/appeal-status';

type Decision = (typeof DECISIONS_OF)[keyof typeof DECISIONS_OF][number];
interface DecisionForm {
  decision: Decision;
  reason: string;
  effectiveFrom?: Dayjs;
  corrections?: Record<string, string | undefined>;
}

/** The drawer; `id` null is closed. */
export function AppealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  const q = useQuery({
    queryKey: ['appeals', 'detail', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/appeals/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const decide = useMutation({
    mutationFn: (v: DecisionForm) =>
      unwrap(
        api.POST('/api/appeals/{id}/decision', {
          params: { path: { id: id ?? '' } },
          body: {
            decision: v.decision,
            reason: v.reason,
            effectiveFrom: v.decision === 'approved' ? (v.effectiveFrom?.format('YYYY-MM-DD') ?? null) : null,
            corrections:
              v.decision === 'corrected'
                ? Object.entries(v.corrections ?? {}).flatMap(([itemId, category]) =>
                    category === undefined || category === ''
                      ? []
                      : [{ itemId, category: category as (typeof RESULT_CATEGORIES)[number], note: null }],
                  )
                : [],
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('appeals.decide.done'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['appeals'] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const a = q.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      destroyOnHidden
      loading={q.isLoading}
      title={
        a === undefined
          ? ''
          : `${a.targetName} · ${t('appeals.detail.title', { kind: t(`appeals.kind.${a.kind}`) })}`
      }
    >
      {a !== undefined && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('appeals.col.status')}>
              <Tag color={APPEAL_STATUS_COLORS[a.status]} data-testid="appeal-detail-status">
                {t(`appeals.status.${a.status}`)}
              </Tag>
              {a.decidedBy !== null && (
                <Typography.Text type="secondary">
                  {t('appeals.detail.decided', { by: a.decidedBy, at: formatDateTime(a.decidedAt) })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.col.filedAt')}>
              {formatDateTime(a.filedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.col.due')}>
              <Typography.Text {...(a.overdue ? { type: 'danger' as const } : {})}>{a.dueOn}</Typography.Text>
              {a.dueProvisional && <Tag style={{ marginInlineStart: 8 }}>{t('appeals.provisional')}</Tag>}
              {a.overdue && <Tag color="red">{t('appeals.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.assigned')}>{a.assignedTo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.col.task')}>{a.taskTitle}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.text')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {a.text}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.contact')}>{a.contact}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.files')}>
              <Space direction="vertical" size={0}>
                {a.attachments.length === 0
                  ? '—'
                  : a.attachments.map((f) => (
                      <a
                        key={f.id}
                        href={`/api/appeals/${a.id}/attachments/${f.id}`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {f.fileName}（{Math.ceil(f.bytes / 1024)} KB）
                      </a>
                    ))}
              </Space>
            </Descriptions.Item>
            {a.reason !== null && (
              <Descriptions.Item label={t('appeals.col.reason')}>{a.reason}</Descriptions.Item>
            )}
            {a.effectiveFrom !== null && (
              <Descriptions.Item label={t('appeals.decide.effectiveFrom')}>
                {a.effectiveFrom}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="itemId"
            title={() => t('appeals.detail.results')}
            dataSource={a.results}
            columns={[
              { title: t('portal.col.itemName'), dataIndex: 'itemName' },
              { title: t('portal.col.result'), render: (_, r) => r.category ?? '—' },
            ]}
          />
          {a.corrections.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey="itemId"
              title={() => t('appeals.detail.corrections')}
              dataSource={a.corrections}
              columns={[
                { title: t('portal.col.itemName'), dataIndex: 'itemName' },
                { title: '—', render: (_, c) => <Typography.Text delete>{c.before}</Typography.Text> },
                { title: t('appeals.decide.correctTo'), dataIndex: 'after' },
              ]}
            />
          )}
          {a.canDecide && (
            <Form<DecisionForm>
              form={form}
              layout="vertical"
              onFinish={(v) => decide.mutate(v)}
              style={{ border: '1px solid #f0f0f0', padding: 16, borderRadius: 8 }}
            >
              <Typography.Title level={5}>{t('appeals.decide')}</Typography.Title>
              <Form.Item name="decision" label={t('appeals.decide.decision')} rules={[{ required: true }]}>
                <Radio.Group
                  options={DECISIONS_OF[a.kind].map((d) => ({ value: d, label: t(`appeals.status.${d}`) }))}
                />
              </Form.Item>
              {decision === 'corrected' &&
                a.results.map((r) => (
                  <Form.Item
                    key={r.itemId}
                    name={['corrections', r.itemId]}
                    label={`${r.itemName}（${r.category ?? '—'}）→ ${t('appeals.decide.correctTo')}`}
                  >
                    <Select
                      allowClear
                      placeholder={t('appeals.decide.keep')}
                      options={RESULT_CATEGORIES.filter((c) => c !== '其他').map((c) => ({
                        value: c,
                        label: c,
                      }))}
                    />
                  </Form.Item>
                ))}
              {decision === 'approved' && (
                <Form.Item
                  name="effectiveFrom"
                  label={t('appeals.decide.effectiveFrom')}
                  rules={[{ required: true }]}
                >
                  <DatePicker />
                </Form.Item>
              )}
              <Form.Item
                name="reason"
                label={t('appeals.decide.reason')}
                rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={decide.isPending}>
                {t('appeals.decide')}
              </Button>
            </Form>
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            title={() => t('appeals.detail.history')}
            dataSource={a.history}
            columns={[
              { title: t('appeals.col.filedAt'), render: (_, h) => formatDateTime(h.filedAt), width: 150 },
              { title: t('appeals.col.kind'), render: (_, h) => t(`appeals.kind.${h.kind}`), width: 90 },
              { title: t('appeals.col.task'), dataIndex: 'taskTitle' },
              {
                title: t('appeals.col.status'),
                width: 120,
                render: (_, h) => (
                  <Tag color={APPEAL_STATUS_COLORS[h.status]}>{t(`appeals.status.${h.status}`)}</Tag>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
