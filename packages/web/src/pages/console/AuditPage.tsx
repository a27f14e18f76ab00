/**
 * 审计日志 (auditors, system admins; issue 11): the hash chain's status, a search by actor,
 * department, action, object and date (Beijing days), the rows with their before / after, and
 * the export of a search as xlsx or csv.
 */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { formatDateTime } from '../../format/china-time';
import { codeLabel } from '../../i18n/code-label';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { useDepartmentName, useOrg } from '../../hooks/use-org';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type AuditRow = Json<paths['/api/audit']['get']['responses'][200]>['items'][number];
type Filter = Omit<NonNullable<paths['/api/audit']['get']['parameters']['query']>, 'page' | 'pageSize'>;

const PAGE_SIZE = 50;
const ENTITY_TYPES = [
  'user',
  'department',
  'region',
  'unit',
  'import',
  'target',
  'target_claims',
  'inspector',
  'inspection_item',
  'recusal',
  'plan',
  'task',
  'draw',
  'inspection',
  'follow_up',
  'joint_proposal',
  'risk_model',
  'risk_run',
  'setting',
  'holiday_calendar',
  'deployment',
] as const;
const ACTIONS = [
  'auth.login',
  'user.created',
  'user.updated',
  'department.',
  'region.',
  'unit.',
  'import.',
  'target.',
  'inspector.',
  'item.',
  'plan.',
  'task.',
  'draw.',
  'inspection.',
  'follow_up.',
  'recusal.',
  'risk.',
  'evaluation.',
  'setting.',
  'holiday.',
] as const;

interface FormValues {
  actor?: string;
  department?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  dates?: [{ format: (f: string) => string } | null, { format: (f: string) => string } | null] | null;
}

function exportUrl(f: Filter, format: 'xlsx' | 'csv'): string {
  const p = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'string' && v !== '') {
      p.set(k, v);
    }
  }
  return `/api/audit/export?${p.toString()}`;
}

/** /console/audit */
export function AuditPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const org = useOrg();
  const deptName = useDepartmentName();
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const canVerify = user.roles.includes('auditor') || user.roles.includes('system_admin');
  const verify = useQuery({
    queryKey: ['audit', 'verify'],
    enabled: canVerify,
    queryFn: () => unwrap(api.GET('/api/audit/verify')),
  });
  const rows = useQuery({
    queryKey: ['audit', 'rows', filter, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } })),
  });

  const actionLabel = (a: string) =>
    codeLabel(t, [`audit.action.${a}`, `audit.action.${a.split('.')[0] ?? ''}.`], a);
  const entityLabel = (e: string) => codeLabel(t, [`audit.entity.${e}`], e);

  const search = (v: FormValues) => {
    const from = v.dates?.[0]?.format('YYYY-MM-DD');
    const to = v.dates?.[1]?.format('YYYY-MM-DD');
    const f: Filter = {
      ...(v.actor?.trim() ? { actor: v.actor.trim() } : {}),
      ...(v.department ? { department: v.department } : {}),
      ...(v.action ? { action: v.action } : {}),
      ...(v.entityType ? { entityType: v.entityType } : {}),
      ...(v.entityId?.trim() ? { entityId: v.entityId.trim() } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    setFilter(f);
    setPage(1);
  };

  const chain = verify.data;
  const reasonKey = chain?.reason ?? '';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('audit.chain')}
        extra={
          canVerify && (
            <Button
              icon={<ReloadOutlined />}
              loading={verify.isFetching}
              onClick={() => void verify.refetch()}
            >
              {t('audit.recheck')}
            </Button>
          )
        }
      >
        {!canVerify ? (
          <Typography.Text type="secondary">{t('audit.chainNoAccess')}</Typography.Text>
        ) : chain === undefined ? (
          <Typography.Text>{t('audit.chainChecking')}</Typography.Text>
        ) : chain.ok ? (
          <Alert
            type="success"
            showIcon
            message={t('audit.chainOk', { rows: chain.rows })}
            data-testid="audit-chain"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="audit-chain"
            message={t('audit.chainBroken', {
              seq: chain.brokenAt ?? 0,
              rows: chain.rows,
              reason: codeLabel(t, [`audit.chainReason.${reasonKey}`], reasonKey),
            })}
          />
        )}
      </Card>
      <Card title={t('nav.audit')}>
        <Form<FormValues>
          form={form}
          layout="inline"
          name="audit-search"
          onFinish={search}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input placeholder={t('audit.actorPlaceholder')} allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="department" label={t('audit.department')}>
            <Select
              placeholder={t('audit.allDepartments')}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              options={(org.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              placeholder={t('audit.actionPlaceholder')}
              allowClear
              style={{ width: 160 }}
              options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Select
              placeholder={t('audit.entityTypePlaceholder')}
              allowClear
              style={{ width: 150 }}
              options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="dates" label={t('audit.dates')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('audit.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilter({});
                  setPage(1);
                }}
              >
                {t('audit.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Space wrap style={{ margin: '16px 0 8px' }}>
          <Typography.Text>{t('audit.total', { n: rows.data?.total ?? 0 })}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'xlsx')}>
            {t('audit.export')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'csv')}>
            {t('audit.exportCsv')}
          </Button>
        </Space>
        <Table<AuditRow>
          size="small"
          rowKey="seq"
          loading={rows.isLoading}
          dataSource={rows.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {t('audit.requestId')}: {r.requestId ?? '—'} · {t('audit.hash')}: {r.hash}
                </Typography.Text>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <pre className="audit-json">{JSON.stringify(r.before, null, 2)}</pre>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <pre className="audit-json">{JSON.stringify(r.after, null, 2)}</pre>
              </Space>
            ),
          }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
            { title: t('audit.at'), render: (_, r) => formatDateTime(r.at, true) },
            { title: t('audit.actor'), render: (_, r) => r.actorName ?? t('audit.system') },
            {
              title: t('audit.role'),
              render: (_, r) =>
                (r.actorRole ?? '')
                  .split(',')
                  .filter((x) => x !== '')
                  .map((x) => <Tag key={x}>{codeLabel(t, [`role.${x}`], x)}</Tag>),
            },
            { title: t('audit.department'), render: (_, r) => deptName(r.departmentCode) },
            {
              title: t('audit.action'),
              render: (_, r) => <span title={r.action}>{actionLabel(r.action)}</span>,
            },
            { title: t('audit.entityType'), render: (_, r) => entityLabel(r.entityType) },
            { title: t('audit.entityId'), render: (_, r) => r.entityId ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
