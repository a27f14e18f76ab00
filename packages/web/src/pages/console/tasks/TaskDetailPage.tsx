/**
 * One task (/console/tasks/:id): definition, estimate against the ratio cap, the participating
 * departments' answers, and its draws — freezing a new one (with manual exclusions and
 * reasons), committing, the ceremony, teams, direct assignment and abandoning.
 */
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { DrawSummary } from '../../../api/workflow-types';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';
import { TaskVisits } from './TaskVisits';
import { ScopeSummary } from '../plans/ScopeSummary';
import { dateTime, DRAW_STATUS, PARTICIPANT_STATUS, percent, stratumName } from '../plans/workflow-labels';
import { LogInclusionCard } from '../../../components/LogInclusionCard';
import { AbandonRequests } from './AbandonRequests';
import { DrawPanel } from './DrawPanel';
import { JointTaskNote } from './JointTaskNote';
import { useDepartmentName } from '../../../hooks/use-org';
import { DrawProgressBar } from './DrawProgressBar';

/** Parse "ID reason" lines into manual exclusions. */
function manualLines(text: string): { targetId: string; reason: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [id = '', ...rest] = l.split(/[\s,，]+/);
      return { targetId: id, reason: rest.join(' ') };
    });
}

/** The targets the 所所交叉 refusal lists (details of the error), for the message. */
function lackingUnits(details: unknown): string {
  if (
    typeof details !== 'object' ||
    details === null ||
    !('targets' in details) ||
    !Array.isArray(details.targets)
  ) {
    return '';
  }
  const targets: unknown[] = details.targets;
  return targets
    .map((x) => (typeof x === 'object' && x !== null && 'id' in x && typeof x.id === 'string' ? x.id : ''))
    .filter((x) => x !== '')
    .join('、');
}

/** The task page. */
export function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [freezing, setFreezing] = useState(false);
  const [manual, setManual] = useState('');
  const [error, setError] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['tasks', 'detail', taskId],
    queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: taskId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tasks'] });
  const answer = useMutation({
    mutationFn: (accept: boolean) =>
      unwrap(
        api.POST('/api/tasks/{id}/participation', { params: { path: { id: taskId } }, body: { accept } }),
      ),
    onSuccess: refresh,
  });
  const freeze = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/tasks/{id}/draws', {
          params: { path: { id: taskId } },
          body: { manualExclusions: manualLines(manual) },
        }),
      ),
    meta: { silent: true },
    onSuccess: async () => {
      setFreezing(false);
      setError(null);
      void message.success(t('wf.draw.frozenOk'));
      await refresh();
    },
    onError: (e) => {
      const list = e instanceof ApiError ? lackingUnits(e.details) : '';
      setError(`${e instanceof ApiError ? e.messageIn(lang) : String(e)}${list === '' ? '' : `：${list}`}`);
    },
  });
  const data = detail.data;
  if (data === undefined) {
    return <Card loading />;
  }
  const { task, draws, estimate } = data;
  const lead = task.leadDepartmentCode === user.department.code && user.roles.includes('dept_admin');
  const mine = task.participants.find((p) => p.departmentCode === user.department.code);
  const live = draws.find((d) => d.status !== 'abandoned');
  const lastCommitted = draws.filter((d) => d.commitment !== null).at(-1);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/console/tasks">
              <ArrowLeftOutlined />
            </Link>
            {task.id} {task.title}
          </Space>
        }
        extra={
          <Space>
            {mine?.status === 'pending' && (
              <>
                <Button type="primary" onClick={() => answer.mutate(true)}>
                  {t('wf.participant.accept')}
                </Button>
                <Button danger onClick={() => answer.mutate(false)}>
                  {t('wf.participant.decline')}
                </Button>
              </>
            )}
            {lead && live === undefined && task.status !== 'merged' && (
              <Button type="primary" icon={<LockOutlined />} onClick={() => setFreezing(true)}>
                {t('wf.draw.freeze')}
              </Button>
            )}
          </Space>
        }
      >
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 12 }}
            closable={{ onClose: () => setError(null) }}
          />
        )}
        <JointTaskNote taskId={task.id} year={task.planYear} />
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('wf.task.lead')}>{deptName(task.leadDepartmentCode)}</Descriptions.Item>
          <Descriptions.Item
            label={t('wf.task.window')}
          >{`${task.windowStart} ~ ${task.windowEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('wf.task.items')} span={{ xs: 1, sm: 2 }}>
            {task.items.map((i) => (
              <Tag
                key={i.itemId}
                color={i.priority === 'key' ? 'red' : 'blue'}
                style={{ whiteSpace: 'normal', marginBottom: 4 }}
              >
                {i.name} v{i.itemVersion}
                {task.participants.length > 0 ? ` · ${deptName(i.departmentCode)}` : ''}
                {i.ratioCap === null ? '' : ` ≤${percent(i.ratioCap)}`}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.participants')}>
            {task.participants.length === 0
              ? '—'
              : task.participants.map((p) => (
                  <Tag key={p.departmentCode} color={PARTICIPANT_STATUS[p.status]?.color ?? 'default'}>
                    {deptName(p.departmentCode)}{' '}
                    {t(PARTICIPANT_STATUS[p.status]?.label ?? 'wf.participant.pending')}
                  </Tag>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.quota')}>
            {Object.entries(task.quota)
              .map(([d, n]) => `${deptName(d)} × ${n}`)
              .join('，')}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.jurisdiction')}>
            {task.jurisdictionRule ? t('wf.yes') : t('wf.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.crossRegion')}>
            {task.crossRegion ? t('wf.yes') : t('wf.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.tierSource')}>
            {t(`wf.task.tierSource.${task.tierSource ?? 'effective'}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.task.scope')}>
            <ScopeSummary scope={task.scope} />
          </Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={estimate.strata.map((s) => ({
            ...s,
            ratio: task.strata.find((x) => x.name === s.name)?.ratio ?? '',
          }))}
          columns={[
            { title: t('wf.draw.stratum'), dataIndex: 'name', render: (v: string) => stratumName(t, v) },
            { title: t('wf.task.ratio'), dataIndex: 'ratio', render: (r: string) => percent(r) },
            { title: t('wf.draw.frameEstimate'), dataIndex: 'frameSize' },
            { title: t('wf.draw.sampleEstimate'), dataIndex: 'sampleSize' },
          ]}
          footer={() => (
            <Typography.Text type={estimate.within ? 'success' : 'danger'}>
              {t('wf.task.overall', {
                overall: estimate.overallPercent ?? '—',
                cap: estimate.cap === null ? t('wf.task.noCap') : percent(estimate.cap),
              })}
            </Typography.Text>
          )}
        />
      </Card>
      {live !== undefined && (
        <DrawPanel key={live.id} drawId={live.id} taskId={task.id} canWrite={lead} onChange={refresh} />
      )}
      {draws.some((d) => d.status === 'drawn') &&
        user.roles.some(
          (r) => r === 'dept_admin' || r === 'leader' || r === 'auditor' || r === 'system_admin',
        ) && (
          <TaskVisits
            taskId={task.id}
            department={user.department.code}
            linkable={user.roles.includes('leader')}
            issuesCodes={user.roles.some((r) => r === 'dept_admin' || r === 'leader')}
          />
        )}
      {lastCommitted !== undefined && (
        // issue 13: every commitment of the task from the public log, with its outcome and reason
        <LogInclusionCard subject={{ drawId: lastCommitted.id }} taskId={task.id} />
      )}
      <Card title={t('wf.draw.history')}>
        <Table<DrawSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={draws}
          scroll={{ x: true }}
          expandable={{
            // who asked to abandon, who decided, and why (issue 13: a redraw takes two people)
            rowExpandable: (d) => d.status === 'abandoned',
            expandedRowRender: (d) => (
              <AbandonRequests drawId={d.id} canRequest={false} open={false} onChange={refresh} />
            ),
          }}
          columns={[
            { title: t('wf.draw.id'), dataIndex: 'id' },
            {
              title: t('wf.draw.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={DRAW_STATUS[s]?.color ?? 'default'}>
                  {t(DRAW_STATUS[s]?.label ?? 'wf.draw.status.frozen')}
                </Tag>
              ),
            },
            {
              title: t('wf.draw.committedAt'),
              dataIndex: 'committedAt',
              render: (v: string | null) => dateTime(v),
            },
            { title: t('wf.draw.drawnAt'), dataIndex: 'drawnAt', render: (v: string | null) => dateTime(v) },
            {
              title: t('wf.draw.supersedes'),
              dataIndex: 'supersedes',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('wf.draw.abandonedReason'),
              dataIndex: 'abandonedReason',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '',
              render: (_, d) =>
                d.commitment !== null ? <Link to={`/draws/${d.id}`}>{t('wf.draw.publicPage')}</Link> : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={freezing}
        title={t('wf.draw.freeze')}
        okText={t('wf.draw.freeze')}
        cancelText={t('wf.cancel')}
        confirmLoading={freeze.isPending}
        onOk={() => freeze.mutate()}
        onCancel={() => setFreezing(false)}
      >
        <Typography.Paragraph>{t('wf.draw.freezeHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('wf.draw.manualPlaceholder')}
          rows={5}
          value={manual}
          onChange={(e) => setManual(e.target.value)}
          placeholder={t('wf.draw.manualPlaceholder')}
        />
        <DrawProgressBar taskId={taskId} active={freeze.isPending} />
      </Modal>
    </Space>
  );
}
