/**
 * 抽查计划 / 计划审批 at /console/plans: a year's plans (own and joint; leaders approve), a new
 * plan, and the city-wide view with overlaps. Each plan's detail is the sub-page
 * /console/plans/:planId (plans/PlanDetailPage).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PlanView } from '../../api/workflow-types';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { CityView } from './plans/CityView';
import { dateTime, PLAN_STATUS } from './plans/workflow-labels';

const THIS_YEAR = new Date().getFullYear();

/** The plans page. */
export function PlansPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // issue 11: every year by default, so a pending plan of next year is never hidden from 计划审批
  const [year, setYear] = useState<number | 'all'>('all');
  const oneYear = year === 'all' ? THIS_YEAR : year;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; year: number }>();
  const plans = useQuery({
    queryKey: ['plans', year],
    queryFn: () => unwrap(api.GET('/api/plans', { params: { query: year === 'all' ? {} : { year } } })),
  });
  const create = useMutation({
    mutationFn: (v: { title: string; year: number }) => unwrap(api.POST('/api/plans', { body: v })),
    onSuccess: async (p) => {
      setCreating(false);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      await navigate(`/console/plans/${p.id}`);
    },
  });
  const canCreate = user.roles.includes('dept_admin');
  const seesCity = user.roles.some(
    (r) => r === 'leader' || r === 'auditor' || r === 'system_admin' || r === 'dept_admin',
  );
  const list = (
    <Table<PlanView>
      rowKey="id"
      loading={plans.isLoading}
      dataSource={plans.data?.items ?? []}
      pagination={false}
      columns={[
        {
          title: t('wf.plan.title'),
          dataIndex: 'title',
          render: (v: string, p) => <Link to={`/console/plans/${p.id}`}>{v}</Link>,
        },
        { title: t('wf.plan.department'), dataIndex: 'departmentName' },
        { title: t('wf.plan.year'), dataIndex: 'year', width: 80 },
        { title: t('wf.plan.tasks'), dataIndex: 'taskCount', width: 90 },
        {
          title: t('wf.plan.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: string, p) => (
            <Space size={4}>
              <Tag color={PLAN_STATUS[s]?.color ?? 'default'}>
                {t(PLAN_STATUS[s]?.label ?? 'wf.plan.status.draft')}
              </Tag>
              {p.revision > 0 && <Tag>{t('wf.plan.revisionN', { n: p.revision })}</Tag>}
            </Space>
          ),
        },
        {
          title: t('wf.plan.updatedAt'),
          dataIndex: 'updatedAt',
          width: 180,
          render: (v: string) => dateTime(v),
        },
      ]}
    />
  );
  return (
    <Card
      title={user.roles.includes('leader') && !canCreate ? t('nav.planApproval') : t('nav.plans')}
      extra={
        <Space>
          <Select<number | 'all'>
            aria-label={t('wf.plan.year')}
            value={year}
            onChange={setYear}
            options={[
              { value: 'all', label: t('wf.plan.allYears') },
              ...[THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2].map((y) => ({
                value: y,
                label: t('wf.plan.yearN', { n: y }),
              })),
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('wf.plan.create')}
            </Button>
          )}
        </Space>
      }
    >
      {seesCity ? (
        <Tabs
          items={[
            { key: 'list', label: t('wf.plan.list'), children: list },
            { key: 'city', label: t('wf.city.title'), children: <CityView year={oneYear} /> },
          ]}
        />
      ) : (
        list
      )}
      <Modal
        open={creating}
        title={t('wf.plan.create')}
        okText={t('wf.save')}
        cancelText={t('wf.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ year: oneYear, title: t('wf.plan.defaultTitle', { year: oneYear }) }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="year" label={t('wf.plan.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label={t('wf.plan.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('wf.plan.flowHint')}
      </Typography.Paragraph>
    </Card>
  );
}
