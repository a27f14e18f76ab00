/**
 * 结果复核 (leader): visits awaiting review, the tasks' publication countdowns (20 working
 * days, 暂定 when the year has no holiday table, overdue flagged) with publishing and the
 * national publicity export, follow-ups (后续处置) with the overdue ones, and the visits under way
 * with one-time confirmation codes for teammates without the app.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { FollowUpRow, TaskDeadline, VisitListItem } from '../../api/inspection-types';
import { FOLLOW_UP_KIND_LABELS } from '@openssj/core';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { ConfirmationCodePanel } from './inspection/ConfirmationCodePanel';
import { onMySide, SideTag, useSideFilter } from './inspection/SideFilter';
import { formatDateTime } from '../../format/china-time';

/** A countdown tag: days left, overdue, and 暂定. */
export function CountdownTag({ c }: { readonly c: TaskDeadline['countdown'] }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <span>{c.deadline}</span>
      {c.overdue ? (
        <Tag color="red">{t('review.overdue')}</Tag>
      ) : (
        <Tag color={c.workingDaysLeft <= 5 ? 'orange' : 'blue'}>
          {t('review.left', { n: c.workingDaysLeft })}
        </Tag>
      )}
      {c.provisional && (
        <Tooltip title={t('review.provisionalHint')}>
          <Tag color="gold">{t('review.provisional')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function Pending() {
  const { t } = useI18n();
  const department = useCurrentUser().department.code;
  const q = useQuery({
    queryKey: ['visits', 'submitted'],
    queryFn: () => unwrap(api.GET('/api/inspections', { params: { query: { status: 'submitted' } } })),
  });
  const { shown, control } = useSideFilter(q.data?.items ?? [], department);
  const sided = shown.some((r) => r.side !== null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {control}
      <Table<VisitListItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={[...shown]}
        scroll={{ x: true }}
        columns={[
          { title: t('review.target'), render: (_, r) => r.target.name },
          { title: t('insp.task'), render: (_, r) => r.task.title },
          ...(sided
            ? [
                {
                  title: t('insp.side'),
                  render: (_: unknown, r: VisitListItem) => (
                    <SideTag side={r.side} mine={onMySide(r.side, department)} />
                  ),
                },
              ]
            : []),
          {
            title: t('review.submittedAt'),
            render: (_, r) => formatDateTime(r.submittedAt),
          },
          { title: '', render: (_, r) => <Link to={`/console/reviews/${r.id}`}>{t('review.open')}</Link> },
        ]}
      />
    </Space>
  );
}

function Deadlines() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [overdue, setOverdue] = useState(false);
  const q = useQuery({
    queryKey: ['deadlines', overdue],
    queryFn: () =>
      unwrap(
        api.GET('/api/publication/deadlines', { params: { query: { overdue: overdue ? 'true' : 'false' } } }),
      ),
  });
  const publish = useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.POST('/api/publication/tasks/{taskId}/publish', { params: { path: { taskId } } })),
    onSuccess: (r) => {
      void message.success(t('review.publishedN', { n: r.published, m: r.notReviewed }));
      void qc.invalidateQueries({ queryKey: ['deadlines'] });
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('review.overdueOnly')}
        </Checkbox>
        <Button icon={<DownloadOutlined />} href="/api/publication/export?format=xlsx">
          {t('review.export')} (xlsx)
        </Button>
        <Button icon={<DownloadOutlined />} href="/api/publication/export?format=csv">
          {t('review.export')} (csv)
        </Button>
      </Space>
      <Table<TaskDeadline>
        rowKey="taskId"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('insp.task'), render: (_, r) => `${r.taskId} ${r.title}` },
          { title: t('review.deadline'), render: (_, r) => <CountdownTag c={r.countdown} /> },
          {
            title: '',
            render: (_, r) =>
              t('review.counts', {
                total: r.inspections,
                submitted: r.submitted,
                approved: r.approved,
                published: r.published,
              }),
          },
          {
            title: '',
            render: (_, r) => (
              <Button
                size="small"
                disabled={r.approved === 0}
                loading={publish.isPending}
                onClick={() => publish.mutate(r.taskId)}
              >
                {t('review.publishTask')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function FollowUps() {
  const { t, lang } = useI18n();
  const [overdue, setOverdue] = useState(false);
  const q = useQuery({
    queryKey: ['follow-ups', overdue],
    queryFn: () =>
      unwrap(
        api.GET('/api/follow-ups', {
          params: { query: { overdue: overdue ? 'true' : 'false', pageSize: 100 } },
        }),
      ),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
        {t('review.overdueOnly')}
      </Checkbox>
      <Table<FollowUpRow>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          {
            title: t('review.target'),
            render: (_, r) => <Link to={`/console/reviews/${r.inspectionId}`}>{r.targetName}</Link>,
          },
          {
            title: t('review.kind'),
            render: (_, r) => FOLLOW_UP_KIND_LABELS[r.kind][lang === 'en' ? 'en' : 'zh'],
          },
          { title: t('review.detail'), dataIndex: 'detail' },
          {
            title: t('review.deadlineDate'),
            render: (_, r) =>
              r.deadline === null ? (
                '—'
              ) : (
                <Space size={4}>
                  {r.deadline}
                  {r.deadlineProvisional && <Tag color="gold">{t('review.provisional')}</Tag>}
                  {r.overdue && <Tag color="red">{t('review.overdue')}</Tag>}
                </Space>
              ),
          },
          {
            title: '',
            render: (_, r) => (
              <Tag color={r.status === 'open' ? 'blue' : 'green'}>
                {r.status === 'open' ? t('review.statusOpen') : t('review.statusClosed')}
              </Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** /console/reviews */
export function ReviewsPage() {
  const { t } = useI18n();
  return (
    <Card>
      <Tabs
        items={[
          { key: 'pending', label: t('review.pending'), children: <Pending /> },
          { key: 'deadlines', label: t('review.deadlines'), children: <Deadlines /> },
          { key: 'followUps', label: t('review.followUps'), children: <FollowUps /> },
          { key: 'underWay', label: t('review.underWay'), children: <ConfirmationCodePanel /> },
        ]}
      />
    </Card>
  );
}
