/**
 * 检查对象名录库: server-side search with every filter, a paginated table, the detail drawer
 * (status history, claims, dated status change), create / edit, claims (认领) of selected
 * rows, of all matching rows or of an uploaded list, and export to xlsx / csv.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { RISK_TIERS, TARGET_STATUSES, TARGET_TYPES } from '@openssj/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type {
  ClaimBody,
  ClaimListReply,
  TargetDetail,
  TargetQuery,
  TargetRowView,
} from '../../api/target-types';
import { hasKeys, uploadFile } from '../../api/upload';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { TargetDetailDrawer } from './targets/TargetDetailDrawer';
import { TargetEditorDrawer } from './targets/TargetEditorDrawer';

type Filter = Omit<TargetQuery, 'page' | 'pageSize'>;
const PAGE_SIZE = 20;

function isClaimList(b: unknown): b is ClaimListReply {
  return hasKeys(b, ['affected', 'listed', 'notFound']);
}

/** The filter without empty values. */
function clean(f: Filter): Filter {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'string' && v.trim() !== '') {
      out[k] = v.trim();
    }
  }
  return out;
}

function exportUrl(f: Filter, format: 'xlsx' | 'csv'): string {
  const p = new URLSearchParams({ ...clean(f), format });
  return `/api/targets/export?${p.toString()}`;
}

/** The target library page at /console/targets. */
export function TargetsPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canWrite = user.roles.includes('dept_admin') || user.roles.includes('system_admin');
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<TargetDetail | null | undefined>(undefined);

  const list = useQuery({
    queryKey: ['targets', 'list', filter, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/targets', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['targets'] });
  const claim = useMutation({
    mutationFn: (body: ClaimBody) => unwrap(api.POST('/api/targets/claims', { body })),
    onSuccess: (r) => {
      void message.success(t('tgt.claimDone', { n: r.affected }));
      setSelected([]);
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const claimList = useMutation({
    mutationFn: (file: File) => uploadFile('/api/targets/claims/upload?action=claim', file, isClaimList),
    onSuccess: (r) => {
      void message.success(t('tgt.claimListDone', { listed: r.listed, n: r.affected, missing: r.notFound }));
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const byFilter = (action: 'claim' | 'unclaim') => {
    if (Object.keys(filter).length === 0) {
      void message.warning(t('tgt.needFilter'));
      return;
    }
    modal.confirm({
      title: t(action === 'claim' ? 'tgt.claimFilter' : 'tgt.unclaimFilter'),
      content: t('tgt.claimFilterConfirm', { n: list.data?.total ?? 0 }),
      onOk: () => claim.mutateAsync({ action, filter }),
    });
  };

  const columns: TableColumnsType<TargetRowView> = [
    {
      title: t('tgt.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => setDetailId(r.id)}>{name}</Typography.Link>
      ),
    },
    { title: t('tgt.id'), dataIndex: 'id', width: 200 },
    { title: t('tgt.type'), dataIndex: 'type', width: 90 },
    {
      title: t('tgt.division'),
      key: 'division',
      width: 160,
      render: (_: unknown, r) => r.divisionName ?? r.divisionCode,
    },
    {
      title: t('tgt.industry'),
      key: 'industry',
      width: 140,
      render: (_: unknown, r) => (r.industryCode === null ? '' : `${r.industryCode} ${r.industryName ?? ''}`),
    },
    {
      title: t('tgt.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: string) => <Tag color={s === '在营' ? 'green' : 'default'}>{s}</Tag>,
    },
    { title: t('tgt.tier'), dataIndex: 'riskTier', width: 70 },
    {
      title: t('tgt.tags'),
      dataIndex: 'tags',
      width: 160,
      render: (tags: string[], r) => (
        <>
          {r.alertsInForce > 0 && (
            <Tag color="red" data-testid="target-alerts">
              {t('tgt.alertsInForce', { n: r.alertsInForce })}
            </Tag>
          )}
          {tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </>
      ),
    },
    {
      title: t('tgt.claimedBy'),
      dataIndex: 'claimedByMe',
      width: 80,
      render: (c: boolean) => (c ? <Tag color="blue">{t('tgt.claimed')}</Tag> : null),
    },
  ];
  const total = list.data?.total ?? 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('tgt.title')}
      </Typography.Title>
      <Card size="small">
        <Form
          form={form}
          name="target-filter"
          layout="vertical"
          onFinish={(v) => {
            setFilter(clean(v));
            setPage(1);
            setSelected([]);
          }}
        >
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="q" label={t('tgt.name')}>
                <Input allowClear placeholder={t('tgt.q')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="uscc" label={t('tgt.uscc')}>
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="division" label={t('tgt.division')}>
                <Input allowClear placeholder="500112" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="industry" label={t('tgt.industry')}>
                <Input allowClear placeholder="F / 5211" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="tier" label={t('tgt.tier')}>
                <Select allowClear options={RISK_TIERS.map((x) => ({ value: x, label: x }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="status" label={t('tgt.status')}>
                <Select allowClear options={TARGET_STATUSES.map((x) => ({ value: x, label: x }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="type" label={t('tgt.type')}>
                <Select allowClear options={TARGET_TYPES.map((x) => ({ value: x, label: x }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="tag" label={t('tgt.tag')}>
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item name="claimedBy" label={t('tgt.claimedBy')}>
                <Select allowClear options={[{ value: user.department.code, label: t('tgt.claimedMine') }]} />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t('tgt.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
                setPage(1);
              }}
            >
              {t('tgt.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Space wrap>
        {canWrite && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('tgt.new')}
            </Button>
            <Button
              disabled={selected.length === 0}
              loading={claim.isPending}
              onClick={() => claim.mutate({ action: 'claim', ids: selected })}
            >
              {t('tgt.claimSelected')}
            </Button>
            <Button
              disabled={selected.length === 0}
              onClick={() => claim.mutate({ action: 'unclaim', ids: selected })}
            >
              {t('tgt.unclaimSelected')}
            </Button>
            <Button onClick={() => byFilter('claim')}>{t('tgt.claimFilter')}</Button>
            <Button onClick={() => byFilter('unclaim')}>{t('tgt.unclaimFilter')}</Button>
            <Upload
              accept=".xlsx,.csv,.txt"
              showUploadList={false}
              beforeUpload={(file) => {
                claimList.mutate(file);
                return false;
              }}
            >
              <Button
                icon={<UploadOutlined />}
                loading={claimList.isPending}
                title={t('tgt.claimUploadHint')}
              >
                {t('tgt.claimUpload')}
              </Button>
            </Upload>
          </>
        )}
        <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'xlsx')}>
          {t('tgt.exportXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'csv')}>
          {t('tgt.exportCsv')}
        </Button>
      </Space>
      <Table<TargetRowView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        {...(canWrite
          ? { rowSelection: { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } }
          : {})}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) =>
            list.data?.totalExact === false ? t('tgt.totalMore', { n }) : t('tgt.total', { n }),
        }}
      />
      <TargetDetailDrawer
        id={detailId}
        canWrite={canWrite}
        onClose={() => setDetailId(null)}
        onEdit={(d) => setEditing(d)}
        onChanged={() => void refresh()}
      />
      <TargetEditorDrawer
        open={editing !== undefined}
        target={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void refresh();
        }}
      />
    </Space>
  );
}
