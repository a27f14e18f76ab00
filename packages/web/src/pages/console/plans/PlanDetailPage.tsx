/**
 * One plan (/console/plans/:id): its flow buttons (submit, approve / return with comment,
 * publish, revise with reason), its tasks (add, edit, delete, scheme generation) and its
 * visible revisions with their reasons and snapshots.
 */
import { ArrowLeftOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { usePublicConfirm } from '../../../components/use-public-confirm';
import type { PlanActionBody, TaskView } from '../../../api/workflow-types';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';
import { SchemeModal } from './SchemeModal';
import { TaskFormModal } from './TaskFormModal';
import { dateTime, PARTICIPANT_STATUS, stratumLabel, PLAN_STATUS } from './workflow-labels';
import { useDepartmentName } from '../../../hooks/use-org';

/** The plan detail page. */
export function PlanDetailPage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TaskView | null | undefined>(undefined);
  const [scheme, setScheme] = useState(false);
  const [asking, setAsking] = useState<'return' | 'revise' | null>(null);
  const [text, setText] = useState('');
  const detail = useQuery({
    queryKey: ['plans', 'detail', planId],
    queryFn: () => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: planId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['plans'] });
  const ask = usePublicConfirm();
  const act = useMutation({
    mutationFn: (body: PlanActionBody) =>
      unwrap(api.POST('/api/plans/{id}/actions', { params: { path: { id: planId } }, body })),
    onSuccess: async () => {
      setAsking(null);
      setText('');
      void message.success(t('wf.done'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/tasks/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const data = detail.data;
  if (data === undefined) {
    return <Card loading />;
  }
  const { plan } = data;
  const own = plan.departmentCode === user.department.code;
  const admin = own && user.roles.includes('dept_admin');
  const leader = own && user.roles.includes('leader');
  const editable = admin && (plan.status === 'draft' || plan.status === 'revising');
  const status = PLAN_STATUS[plan.status];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/console/plans">
              <ArrowLeftOutlined />
            </Link>
            {plan.title}
            <Tag color={status?.color ?? 'default'}>{t(status?.label ?? 'wf.plan.status.draft')}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {admin && (plan.status === 'draft' || plan.status === 'revising') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ action: 'submit' })}>
                {t('wf.plan.submit')}
              </Button>
            )}
            {leader && plan.status === 'submitted' && (
              <>
                <Button
                  type="primary"
                  loading={act.isPending}
                  onClick={() => ask('approvePlan', () => act.mutate({ action: 'approve' }))}
                >
                  {t('wf.plan.approve')}
                </Button>
                <Button danger onClick={() => setAsking('return')}>
                  {t('wf.plan.return')}
                </Button>
              </>
            )}
            {(admin || leader) && plan.status === 'approved' && (
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => ask('publishPlan', () => act.mutate({ action: 'publish' }))}
              >
                {t('wf.plan.publish')}
              </Button>
            )}
            {admin && plan.status === 'published' && (
              <Button onClick={() => setAsking('revise')}>{t('wf.plan.revise')}</Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('wf.plan.department')}>{plan.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('wf.plan.year')}>{plan.year}</Descriptions.Item>
          <Descriptions.Item label={t('wf.plan.revision')}>{plan.revision}</Descriptions.Item>
          <Descriptions.Item
            label={t('wf.plan.submittedAt')}
          >{`${dateTime(plan.submittedAt)} ${plan.submittedBy ?? ''}`}</Descriptions.Item>
          <Descriptions.Item
            label={t('wf.plan.approvedAt')}
          >{`${dateTime(plan.approvedAt)} ${plan.approvedBy ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('wf.plan.publishedAt')}>{dateTime(plan.publishedAt)}</Descriptions.Item>
        </Descriptions>
        {plan.returnComment !== null && (
          <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
            {t('wf.plan.returnComment')}：{plan.returnComment}
          </Typography.Paragraph>
        )}
      </Card>
      <Card
        title={t('wf.plan.tasks')}
        extra={
          editable && (
            <Space>
              <Button icon={<ThunderboltOutlined />} onClick={() => setScheme(true)}>
                {t('wf.scheme.title')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('wf.task.create')}
              </Button>
            </Space>
          )
        }
      >
        <Table<TaskView>
          rowKey="id"
          pagination={false}
          dataSource={data.tasks}
          columns={[
            {
              title: t('wf.task.id'),
              dataIndex: 'id',
              width: 120,
              render: (v: string) => <Link to={`/console/tasks/${v}`}>{v}</Link>,
            },
            { title: t('wf.task.title'), dataIndex: 'title' },
            {
              title: t('wf.task.items'),
              render: (_, r) =>
                r.items.map((i) => (
                  <Tag key={i.itemId} color={i.priority === 'key' ? 'red' : 'blue'}>
                    {i.name}
                  </Tag>
                )),
            },
            {
              title: t('wf.task.strata'),
              render: (_, r) => r.strata.map((s) => stratumLabel(t, s.name, s.ratio)).join('，'),
              width: 200,
            },
            {
              title: t('wf.plan.frame'),
              width: 100,
              render: (_, r) => {
                const n = data.frames[r.id];
                if (n === undefined) {
                  return '—';
                }
                return n === 0 ? <Typography.Text type="danger">0</Typography.Text> : n;
              },
            },
            { title: t('wf.task.window'), render: (_, r) => `${r.windowStart} ~ ${r.windowEnd}`, width: 200 },
            {
              title: t('wf.task.participants'),
              render: (_, r) =>
                r.participants.map((p) => (
                  <Tag key={p.departmentCode} color={PARTICIPANT_STATUS[p.status]?.color ?? 'default'}>
                    {deptName(p.departmentCode)}{' '}
                    {t(PARTICIPANT_STATUS[p.status]?.label ?? 'wf.participant.pending')}
                  </Tag>
                )),
            },
            ...(editable
              ? [
                  {
                    title: t('wf.actions'),
                    width: 140,
                    render: (_: unknown, r: TaskView) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t('wf.edit')}
                        </Button>
                        <Popconfirm title={t('wf.task.deleteConfirm')} onConfirm={() => remove.mutate(r.id)}>
                          <Button size="small" danger>
                            {t('wf.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {data.revisions.length > 0 && (
        <Card title={t('wf.plan.revisions')}>
          <Timeline
            items={data.revisions.map((r) => ({
              children: (
                <>
                  <Typography.Text strong>{t('wf.plan.revisionN', { n: r.revision })}</Typography.Text>{' '}
                  {dateTime(r.createdAt)} {r.createdBy}
                  <div>
                    {t('wf.plan.reason')}：{r.reason}
                  </div>
                </>
              ),
            }))}
          />
        </Card>
      )}
      {editing !== undefined && (
        <TaskFormModal
          planId={planId}
          year={plan.year}
          lead={plan.departmentCode}
          task={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) {
              void refresh();
            }
          }}
        />
      )}
      {scheme && (
        <SchemeModal
          planId={planId}
          year={plan.year}
          lead={plan.departmentCode}
          onClose={() => {
            setScheme(false);
            void refresh();
          }}
        />
      )}
      <Modal
        open={asking !== null}
        title={asking === 'return' ? t('wf.plan.return') : t('wf.plan.revise')}
        okText={t('wf.confirm')}
        cancelText={t('wf.cancel')}
        okButtonProps={{ disabled: text.trim().length < 2 }}
        confirmLoading={act.isPending}
        onOk={() =>
          act.mutate(
            asking === 'return' ? { action: 'return', comment: text } : { action: 'revise', reason: text },
          )
        }
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={asking === 'return' ? t('wf.plan.returnPlaceholder') : t('wf.plan.revisePlaceholder')}
        />
      </Modal>
    </Space>
  );
}
