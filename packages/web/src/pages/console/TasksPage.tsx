/**
 * 抽查任务 at /console/tasks: the year's tasks. Sub-pages: each task with its draws
 * (/console/tasks/:taskId), the ceremony for a projector (/console/tasks/:taskId/ceremony/:drawId)
 * and printable notices (/console/tasks/notices/:drawId/:targetId).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { TaskView } from '../../api/workflow-types';
import { useI18n } from '../../hooks/use-i18n';
import { dateTime, stratumLabel, PLAN_STATUS } from './plans/workflow-labels';
import { useDepartmentName } from '../../hooks/use-org';

const THIS_YEAR = new Date().getFullYear();

const TASK_STATUS: Readonly<
  Record<
    string,
    {
      zh:
        | 'wf.taskStatus.planned'
        | 'wf.taskStatus.drawing'
        | 'wf.taskStatus.inspecting'
        | 'wf.taskStatus.merged'
        | 'wf.taskStatus.reviewing'
        | 'wf.taskStatus.published';
      color: string;
    }
  >
> = {
  planned: { zh: 'wf.taskStatus.planned', color: 'default' },
  drawing: { zh: 'wf.taskStatus.drawing', color: 'purple' },
  inspecting: { zh: 'wf.taskStatus.inspecting', color: 'blue' },
  reviewing: { zh: 'wf.taskStatus.reviewing', color: 'orange' },
  published: { zh: 'wf.taskStatus.published', color: 'green' },
  merged: { zh: 'wf.taskStatus.merged', color: 'default' },
};

/** The tasks page. */
export function TasksPage() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const [year, setYear] = useState(THIS_YEAR);
  const tasks = useQuery({
    queryKey: ['tasks', year],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { year } } })),
  });
  // a leader's to-do: abandonment requests waiting for their approval (issue 13)
  const abandons = useQuery({
    queryKey: ['tasks', 'abandon-requests', 'pending'],
    queryFn: () => unwrap(api.GET('/api/abandon-requests', { params: { query: { status: 'pending' } } })),
  });
  const toDecide = (abandons.data ?? []).filter((r) => r.canDecide);
  return (
    <>
      {toDecide.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('todo.abandons_to_approve')}
          description={
            <List
              size="small"
              dataSource={toDecide}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/console/tasks/${r.taskId}`}>
                    {r.taskTitle}（{r.drawId}）
                  </Link>
                  ：{r.reason}（{r.requestedBy}，{dateTime(r.requestedAt)}）
                </List.Item>
              )}
            />
          }
        />
      )}
      <Card
        title={t('nav.tasks')}
        extra={
          <Select
            aria-label={t('portal.col.year')}
            value={year}
            onChange={setYear}
            options={[THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1].map((y) => ({
              value: y,
              label: t('wf.plan.yearN', { n: y }),
            }))}
          />
        }
      >
        <Table<TaskView>
          rowKey="id"
          loading={tasks.isLoading}
          dataSource={tasks.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('wf.task.id'),
              dataIndex: 'id',
              width: 120,
              render: (v: string) => <Link to={`/console/tasks/${v}`}>{v}</Link>,
            },
            { title: t('wf.task.title'), dataIndex: 'title' },
            { title: t('wf.task.lead'), dataIndex: 'leadDepartmentCode', render: (c: string) => deptName(c) },
            {
              title: t('wf.task.participants'),
              render: (_, r) =>
                r.participants.map((p) => <Tag key={p.departmentCode}>{deptName(p.departmentCode)}</Tag>),
            },
            {
              title: t('wf.task.strata'),
              render: (_, r) => r.strata.map((s) => stratumLabel(t, s.name, s.ratio)).join('，'),
              width: 200,
            },
            { title: t('wf.task.window'), render: (_, r) => `${r.windowStart} ~ ${r.windowEnd}`, width: 200 },
            {
              title: t('wf.plan.status'),
              width: 100,
              render: (_, r) => (
                <Tag color={PLAN_STATUS[r.planStatus]?.color ?? 'default'}>
                  {t(PLAN_STATUS[r.planStatus]?.label ?? 'wf.plan.status.draft')}
                </Tag>
              ),
            },
            {
              title: t('wf.task.status'),
              width: 100,
              render: (_, r) => (
                <Tag color={TASK_STATUS[r.status]?.color ?? 'default'}>
                  {t(TASK_STATUS[r.status]?.zh ?? 'wf.taskStatus.planned')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
