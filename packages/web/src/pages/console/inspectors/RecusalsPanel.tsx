/**
 * 回避登记: declarations of the department's inspectors, with add and withdraw. The reason
 * column shows only for admins and auditors (the server sends null to everyone else).
 */
import { PlusOutlined } from '@ant-design/icons';
import { RECUSAL_KINDS } from '@openssj/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { InspectorView, NewRecusalBody, RecusalView } from '../../../api/library-types';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';
import { formatDate } from '../../../format/china-time';

/** The recusal tab of the inspector library page. */
export function RecusalsPanel({ inspectors }: { readonly inspectors: readonly InspectorView[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [onlyActive, setOnlyActive] = useState(true);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewRecusalBody>();
  const seesReason = user.roles.some((r) => r === 'dept_admin' || r === 'system_admin' || r === 'auditor');
  const canDeclare = user.roles.some((r) => r === 'dept_admin' || r === 'system_admin' || r === 'inspector');

  const list = useQuery({
    queryKey: ['recusals', onlyActive],
    queryFn: async () =>
      (await unwrap(api.GET('/api/recusals', { params: { query: onlyActive ? { active: 'true' } : {} } })))
        .items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['recusals'] });
  const declare = useMutation({
    mutationFn: (body: NewRecusalBody) => unwrap(api.POST('/api/recusals', { body })),
    onSuccess: () => {
      void message.success(t('lib.saved'));
      setAdding(false);
      form.resetFields();
      void refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/recusals/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: refresh,
  });

  const columns: TableColumnsType<RecusalView> = [
    { title: t('rec.inspector'), render: (_, r) => `${r.inspectorName}（${r.inspectorId}）` },
    { title: t('rec.targetName'), render: (_, r) => `${r.targetName}（${r.targetId}）` },
    { title: t('rec.kind'), width: 100, render: (_, r) => t(`rec.kind.${r.kind}`) },
    ...(seesReason
      ? [
          {
            title: t('rec.reason'),
            dataIndex: 'reason',
            ellipsis: true,
          } satisfies TableColumnsType<RecusalView>[number],
        ]
      : []),
    {
      title: t('rec.declaredAt'),
      width: 170,
      render: (_, r) => `${formatDate(r.declaredAt)} ${r.declaredBy ?? ''}`,
    },
    {
      title: t('rec.status'),
      width: 170,
      render: (_, r) =>
        r.withdrawnAt === null ? (
          <Space size={4}>
            <Tag color="green">{t('rec.active')}</Tag>
            {canDeclare && (
              <Popconfirm title={t('rec.withdrawConfirm')} onConfirm={() => withdraw.mutate(r.id)}>
                <Button type="link" size="small">
                  {t('rec.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          <Tag>{t('rec.withdrawn', { date: formatDate(r.withdrawnAt) })}</Tag>
        ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox checked={onlyActive} onChange={(e) => setOnlyActive(e.target.checked)}>
          {t('rec.onlyActive')}
        </Checkbox>
        {canDeclare && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('rec.add')}
          </Button>
        )}
      </Space>
      <Table<RecusalView>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
      />
      <Modal
        open={adding}
        title={t('rec.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={declare.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => declare.mutate(v)}
          initialValues={{ kind: 'kinship' }}
        >
          <Form.Item name="inspectorId" label={t('rec.inspector')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={inspectors.map((i) => ({ value: i.id, label: `${i.name}（${i.id}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="targetId"
            label={t('rec.target')}
            extra={t('rec.targetHint')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('rec.kind')} rules={[{ required: true }]}>
            <Select options={RECUSAL_KINDS.map((k) => ({ value: k, label: t(`rec.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('rec.reason')}
            extra={t('rec.reasonHidden')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
