/**
 * 联合抽查建议 (issue 6): planned tasks of different departments that hit the same targets in
 * overlapping windows, with the visits a merger saves (per pair and in total); department admins
 * propose and answer, and the last acceptance creates the joint task, whose saving is then shown
 * per merger and in total (001: 2,518 → 630).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { JointProposal, JointSuggestion } from '../../../api/oversight-types';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { usePublicConfirm } from '../../../components/use-public-confirm';
import { useI18n } from '../../../hooks/use-i18n';
import { formatReduction, reductionRatio } from './reduction';

type Estimate = JointSuggestion['estimate'];

/** Sum of estimates: visits alone, merged and saved. */
function total(list: readonly Estimate[]): { alone: number; merged: number; saved: number } {
  return list.reduce(
    (a, e) => ({ alone: a.alone + e.alone, merged: a.merged + e.merged, saved: a.saved + e.saved }),
    { alone: 0, merged: 0, saved: 0 },
  );
}

/** Tasks as "T-… title" lines, each linking to the task page. */
function TaskLines({ ids, titles }: { readonly ids: readonly string[]; readonly titles: readonly string[] }) {
  return (
    <>
      {ids.map((id, i) => (
        <div key={id}>
          {/* underlined: beside the title, colour alone would not mark it as a link (WCAG 1.4.1) */}
          <Link to={`/console/tasks/${id}`} style={{ textDecoration: 'underline' }}>
            {id}
          </Link>{' '}
          {titles[i] ?? ''}
        </div>
      ))}
    </>
  );
}

/** The joint-task tab. */
export function JointPanel({ year }: { readonly year: number }) {
  const { t, lang } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const isAdmin = me.roles.includes('dept_admin');
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org')) });
  const deptName = (code: string): string => org.data?.departments.find((d) => d.code === code)?.name ?? code;
  const suggestions = useQuery({
    queryKey: ['joint', 'suggestions', year],
    queryFn: () => unwrap(api.GET('/api/joint/suggestions', { params: { query: { year } } })),
  });
  const proposals = useQuery({
    queryKey: ['joint', 'proposals', year],
    queryFn: () => unwrap(api.GET('/api/joint/proposals', { params: { query: { year } } })),
  });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['joint'] });
    await qc.invalidateQueries({ queryKey: ['tasks'] });
  };
  const ask = usePublicConfirm();
  const propose = useMutation({
    mutationFn: (taskIds: [string, string]) =>
      unwrap(api.POST('/api/joint/proposals', { body: { taskIds } })),
    onSuccess: async () => {
      void message.success(t('joint.proposedOk'));
      await refresh();
    },
  });
  const respond = useMutation({
    mutationFn: (v: { id: string; accept: boolean }) =>
      unwrap(
        api.POST('/api/joint/proposals/{id}/respond', {
          params: { path: { id: v.id } },
          body: { accept: v.accept },
        }),
      ),
    onSuccess: async (p) => {
      void message.success(
        p.status === 'accepted'
          ? t('joint.createdOk', { task: p.jointTaskId ?? '' })
          : p.status === 'declined'
            ? t('joint.declinedOk')
            : t('joint.acceptedOk'),
      );
      await refresh();
    },
  });
  const mine = (p: JointProposal) =>
    p.departments.includes(me.department.code) && p.responses[me.department.code] === undefined;
  const savedValue = (e: Estimate) =>
    t('joint.savedValue', { alone: e.alone, merged: e.merged, saved: e.saved });
  const suggested = total((suggestions.data?.items ?? []).map((s) => s.estimate));
  const acceptedList = (proposals.data?.items ?? []).filter((p) => p.status === 'accepted');
  const merged = total(acceptedList.map((p) => p.estimate));
  const deptTags = (codes: readonly string[], color?: (code: string) => string) =>
    codes.map((d) => (
      <Tag key={d} color={color?.(d) ?? 'default'}>
        {deptName(d)}
      </Tag>
    ));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12}>
          <Card size="small" data-testid="joint-kpi-suggested">
            <Statistic
              title={t('joint.kpi.suggested')}
              loading={suggestions.isLoading}
              value={suggested.saved}
              suffix={t('joint.kpi.unit')}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('joint.kpi.suggestedDetail', {
                n: suggestions.data?.items.length ?? 0,
                alone: suggested.alone,
                merged: suggested.merged,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card size="small" data-testid="joint-kpi-merged">
            <Statistic
              title={t('joint.kpi.merged')}
              loading={proposals.isLoading}
              value={merged.saved}
              suffix={t('joint.kpi.unit')}
              styles={merged.saved > 0 ? { content: { color: '#389e0d' } } : {}}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {acceptedList.length === 0
                ? t('joint.kpi.noneMerged')
                : t('joint.kpi.mergedDetail', {
                    n: acceptedList.length,
                    alone: merged.alone,
                    merged: merged.merged,
                    pct: formatReduction(reductionRatio(merged.alone, merged.merged), lang),
                  })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('joint.title')}>
        <Alert type="info" showIcon title={t('joint.hint')} style={{ marginBottom: 12 }} />
        <Table<JointSuggestion>
          size="small"
          rowKey={(s) => s.taskIds.join('+')}
          data-testid="joint-suggestions"
          loading={suggestions.isLoading}
          dataSource={suggestions.data?.items ?? []}
          locale={{ emptyText: t('joint.none') }}
          scroll={{ x: 920 }}
          pagination={false}
          columns={[
            {
              key: 'tasks',
              title: t('joint.tasks'),
              width: 320,
              render: (_, s) => <TaskLines ids={s.taskIds} titles={s.titles} />,
            },
            {
              key: 'saved',
              title: t('joint.saved'),
              width: 150,
              render: (_, s) => <Typography.Text strong>{savedValue(s.estimate)}</Typography.Text>,
            },
            {
              key: 'departments',
              title: t('joint.departments'),
              render: (_, s) => deptTags(s.departments),
            },
            {
              key: 'window',
              title: t('joint.window'),
              width: 120,
              render: (_, s) => (
                <>
                  <div>{s.windowStart}</div>
                  <div>~ {s.windowEnd}</div>
                </>
              ),
            },
            {
              key: 'common',
              title: t('joint.common'),
              width: 96,
              render: (_, s) => s.estimate.commonTargets.toLocaleString(),
            },
            {
              key: 'act',
              title: '',
              width: 96,
              fixed: 'right',
              render: (_, s) =>
                s.proposalId !== null ? (
                  <Tag color="processing">{t('joint.proposed')}</Tag>
                ) : isAdmin && s.departments.includes(me.department.code) ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={propose.isPending && propose.variables?.join('+') === s.taskIds.join('+')}
                    onClick={() =>
                      ask('proposeJoint', () => propose.mutate([s.taskIds[0] ?? '', s.taskIds[1] ?? '']))
                    }
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
          data-testid="joint-proposals"
          loading={proposals.isLoading}
          dataSource={proposals.data?.items ?? []}
          scroll={{ x: 820 }}
          pagination={false}
          columns={[
            {
              key: 'tasks',
              title: t('joint.tasks'),
              width: 320,
              render: (_, p) => <TaskLines ids={p.taskIds} titles={p.titles} />,
            },
            {
              key: 'saved',
              title: t('joint.saved'),
              width: 150,
              render: (_, p) => savedValue(p.estimate),
            },
            {
              key: 'resp',
              title: t('joint.responses'),
              render: (_, p) =>
                deptTags(p.departments, (d) =>
                  p.responses[d] === undefined ? 'default' : p.responses[d].accept ? 'green' : 'red',
                ),
            },
            {
              key: 'status',
              title: '',
              width: 150,
              fixed: 'right',
              render: (_, p) =>
                p.status === 'accepted' ? (
                  <Tag color="green">
                    <Link to={`/console/tasks/${p.jointTaskId ?? ''}`}>
                      {t('joint.status.accepted', { task: p.jointTaskId ?? '' })}
                    </Link>
                  </Tag>
                ) : p.status === 'declined' ? (
                  <Tag color="red">{t('joint.status.declined')}</Tag>
                ) : isAdmin && mine(p) ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      loading={respond.isPending}
                      onClick={() => respond.mutate({ id: p.id, accept: true })}
                    >
                      {t('joint.accept')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      disabled={respond.isPending}
                      onClick={() => respond.mutate({ id: p.id, accept: false })}
                    >
                      {t('joint.decline')}
                    </Button>
                  </Space>
                ) : (
                  <Tag>
                    {p.departments.includes(me.department.code)
                      ? t('joint.status.waiting')
                      : t('joint.status.open')}
                  </Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
