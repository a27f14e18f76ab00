/**
 * 联合抽查建议 (issue 6): planned tasks of different departments that hit the same targets in
 * overlapping windows, with the visits a merger saves; department admins propose and answer, and
 * the last acceptance creates the joint task.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { JointProposal, JointSuggestion } from '../../../api/oversight-types';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';

/** The joint-task tab. */
export function JointPanel({ year }: { readonly year: number }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const isAdmin = me.roles.includes('dept_admin');
  const suggestions = useQuery({
    queryKey: ['joint', 'suggestions', year],
    queryFn: () => unwrap(api.GET('/api/joint/suggestions', { params: { query: { year } } })),
  });
  const proposals = useQuery({
    queryKey: ['joint', 'proposals', year],
    queryFn: () => unwrap(api.GET('/api/joint/proposals', { params: { query: { year } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['joint'] });
  const propose = useMutation({
    mutationFn: (taskIds: [string, string]) =>
      unwrap(api.POST('/api/joint/proposals', { body: { taskIds } })),
    onSuccess: refresh,
    onError: (e) => message.error(String(e.message)),
  });
  const respond = useMutation({
    mutationFn: (v: { id: string; accept: boolean }) =>
      unwrap(
        api.POST('/api/joint/proposals/{id}/respond', {
          params: { path: { id: v.id } },
          body: { accept: v.accept },
        }),
      ),
    onSuccess: refresh,
    onError: (e) => message.error(String(e.message)),
  });
  const mine = (p: JointProposal) =>
    p.departments.includes(me.department.code) && p.responses[me.department.code] === undefined;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('joint.title')}>
        <Table<JointSuggestion>
          size="small"
          rowKey={(s) => s.taskIds.join('+')}
          loading={suggestions.isLoading}
          dataSource={suggestions.data?.items ?? []}
          locale={{ emptyText: t('joint.none') }}
          scroll={{ x: true }}
          pagination={false}
          columns={[
            {
              key: 'tasks',
              title: t('joint.tasks'),
              render: (_, s) =>
                s.taskIds.map((id, i) => (
                  <div key={id}>
                    {id} {s.titles[i]}
                  </div>
                )),
            },
            {
              key: 'window',
              title: t('joint.window'),
              render: (_, s) => `${s.windowStart} ~ ${s.windowEnd}`,
            },
            {
              key: 'common',
              title: t('joint.common'),
              render: (_, s) => s.estimate.commonTargets.toLocaleString(),
            },
            {
              key: 'saved',
              title: t('joint.saved'),
              render: (_, s) => (
                <Typography.Text strong>
                  {t('joint.savedValue', {
                    alone: s.estimate.alone,
                    merged: s.estimate.merged,
                    saved: s.estimate.saved,
                  })}
                </Typography.Text>
              ),
            },
            {
              key: 'act',
              title: '',
              render: (_, s) =>
                s.proposalId !== null ? (
                  <Tag>{t('joint.proposed')}</Tag>
                ) : isAdmin && s.departments.includes(me.department.code) ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={propose.isPending}
                    onClick={() => propose.mutate([s.taskIds[0] ?? '', s.taskIds[1] ?? ''])}
                  >
                    {t('joint.propose')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('joint.proposals')}>
        <Table<JointProposal>
          size="small"
          rowKey="id"
          loading={proposals.isLoading}
          dataSource={proposals.data?.items ?? []}
          scroll={{ x: true }}
          pagination={false}
          columns={[
            { key: 'tasks', title: t('joint.tasks'), render: (_, p) => p.taskIds.join(' + ') },
            {
              key: 'saved',
              title: t('joint.saved'),
              render: (_, p) =>
                t('joint.savedValue', {
                  alone: p.estimate.alone,
                  merged: p.estimate.merged,
                  saved: p.estimate.saved,
                }),
            },
            {
              key: 'resp',
              title: t('joint.responses'),
              render: (_, p) =>
                p.departments.map((d) => (
                  <Tag
                    key={d}
                    color={p.responses[d] === undefined ? 'default' : p.responses[d].accept ? 'green' : 'red'}
                  >
                    {d}
                  </Tag>
                )),
            },
            {
              key: 'status',
              title: '',
              render: (_, p) =>
                p.status === 'accepted' ? (
                  <Tag color="green">{t('joint.status.accepted', { task: p.jointTaskId ?? '' })}</Tag>
                ) : p.status === 'declined' ? (
                  <Tag color="red">{t('joint.status.declined')}</Tag>
                ) : isAdmin && mine(p) ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => respond.mutate({ id: p.id, accept: true })}
                    >
                      {t('joint.accept')}
                    </Button>
                    <Button size="small" danger onClick={() => respond.mutate({ id: p.id, accept: false })}>
                      {t('joint.decline')}
                    </Button>
                  </Space>
                ) : (
                  <Tag>{t('joint.status.open')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
