/**
 * The live draw of a task: frozen strata and pool, the commitment (seed source chosen here:
 * dice, a beacon round named in advance, or the system CSPRNG — labelled weaker), the way to
 * the ceremony, and after the draw the teams, open quotas, direct assignment and abandoning.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { POOL_EXCLUSION_LABELS, poolExclusionCodeSchema } from '@openssj/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import { usePublicConfirm } from '../../../components/use-public-confirm';
import type { CommitBody, DrawSelection } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { dateTime, DRAW_STATUS, SEED_SOURCE, stratumName } from '../plans/workflow-labels';
import { bilingual, codeLabel } from '../../../i18n/code-label';
import { AbandonRequests } from './AbandonRequests';
import { DrawProgressBar } from './DrawProgressBar';

/** The draw panel of the task page. */
export function DrawPanel(props: {
  readonly drawId: string;
  readonly taskId: string;
  readonly canWrite: boolean;
  readonly onChange: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [source, setSource] = useState<CommitBody['seedSource']>('dice');
  const [round, setRound] = useState('');
  const [reason, setReason] = useState('');
  const [internalReason, setInternalReason] = useState('');
  const [assigning, setAssigning] = useState<DrawSelection | null>(null);
  const [people, setPeople] = useState<string[]>([]);
  const ask = usePublicConfirm();
  const [error, setError] = useState<string | null>(null);
  const draw = useQuery({
    queryKey: ['tasks', 'draw', props.drawId],
    queryFn: () => unwrap(api.GET('/api/draws/{id}', { params: { path: { id: props.drawId } } })),
  });
  const onError = (e: unknown) => setError(e instanceof ApiError ? e.messageIn(lang) : String(e));
  const done = async () => {
    setError(null);
    void message.success(t('wf.done'));
    await draw.refetch();
    await props.onChange();
  };
  const commit = useMutation({
    mutationFn: (body: CommitBody) =>
      unwrap(api.POST('/api/draws/{id}/commit', { params: { path: { id: props.drawId } }, body })),
    meta: { silent: true },
    onSuccess: done,
    onError,
  });
  const assign = useMutation({
    mutationFn: (v: { target: string; inspectors: string[]; reason: string; internalReason?: string }) =>
      unwrap(api.POST('/api/draws/{id}/overrides', { params: { path: { id: props.drawId } }, body: v })),
    meta: { silent: true },
    onSuccess: async () => {
      setAssigning(null);
      setPeople([]);
      setReason('');
      setInternalReason('');
      await done();
    },
    onError,
  });
  const inspectors = useQuery({
    queryKey: ['wf', 'inspectors'],
    enabled: assigning !== null,
    queryFn: () => unwrap(api.GET('/api/inspectors', { params: { query: { limit: 500 } } })),
  });
  const poolLabel = (code: string) => {
    const c = poolExclusionCodeSchema.safeParse(code);
    return c.success ? POOL_EXCLUSION_LABELS[c.data][lang === 'en' ? 'en' : 'zh'] : code;
  };
  const d = draw.data;
  if (d === undefined) {
    return <Card loading />;
  }
  const s = d.draw;
  const commitBody = (): CommitBody =>
    source === 'beacon'
      ? { seedSource: 'beacon', seedPlan: round }
      : source === 'dice'
        ? { seedSource: 'dice' }
        : { seedSource: 'system' };
  return (
    <Card
      title={
        <Space>
          {t('wf.draw.current')} {s.id}
          <Tag color={DRAW_STATUS[s.status]?.color ?? 'default'}>
            {t(DRAW_STATUS[s.status]?.label ?? 'wf.draw.status.frozen')}
          </Tag>
          {s.supersedes !== null && <Tag>{t('wf.draw.supersedesX', { id: s.supersedes })}</Tag>}
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <div style={{ marginBottom: 12 }}>
        <AbandonRequests
          drawId={props.drawId}
          canRequest={props.canWrite}
          open={s.status !== 'abandoned'}
          onChange={done}
        />
      </div>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={s.strata}
        columns={[
          { title: t('wf.draw.stratum'), dataIndex: 'name', render: (v: string) => stratumName(t, v) },
          { title: t('wf.draw.frameSize'), dataIndex: 'frameSize' },
          {
            title: t('wf.draw.exclusions'),
            render: (_, r) =>
              Object.entries(s.frameExclusionCounts[r.name] ?? {}).map(([k, n]) => (
                <Tag key={k}>{`${codeLabel(t, [`wf.exclusion.${k}`], k)} ${n}`}</Tag>
              )),
          },
          { title: t('wf.draw.sampleSize'), dataIndex: 'sampleSize' },
          {
            title: t('wf.draw.frameDigest'),
            dataIndex: 'frameDigest',
            render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text>,
          },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('wf.draw.pool')}>{d.poolSize}</Descriptions.Item>
        <Descriptions.Item label={t('wf.draw.pairs')}>
          {Object.entries(d.pairExclusions)
            .map(([k, n]) => `${codeLabel(t, [`wf.pair.${k}`], k)} ${n}`)
            .join('，') || '0'}
        </Descriptions.Item>
        {s.commitment !== null && (
          <>
            <Descriptions.Item label={t('wf.draw.commitment')} span={{ xs: 1, sm: 2 }}>
              <Typography.Text code copyable>
                {s.commitment}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.committedAt')}>{dateTime(s.committedAt)}</Descriptions.Item>
            <Descriptions.Item
              label={t('wf.draw.seedSource')}
            >{`${t(SEED_SOURCE[s.seedSource ?? 'dice'] ?? 'wf.seed.dice')}：${bilingual(s.seedPlan, lang)}`}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {d.poolExclusions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="region"
          aria-label={t('wf.draw.poolExclusions')}
          style={{ marginTop: 12 }}
          title={`${t('wf.draw.poolExclusions')}：${Object.entries(
            d.poolExclusions.reduce<Record<string, number>>(
              (a, e) => ({ ...a, [e.reason]: (a[e.reason] ?? 0) + 1 }),
              {},
            ),
          )
            .map(([k, n]) => `${poolLabel(k)} ${n} 人`)
            .join('，')}`}
          description={
            <Space wrap size={4}>
              {d.poolExclusions
                .filter((e) => e.reason !== 'INACTIVE')
                .map((e) => (
                  <Tag key={e.inspectorId} color="red" data-code={e.reason}>
                    {`${e.name}（${e.badgeNo ?? e.inspectorId}）${poolLabel(e.reason)}${e.expiresOn === null ? '' : ` ${e.expiresOn}`}`}
                  </Tag>
                ))}
            </Space>
          }
        />
      )}
      {s.status === 'frozen' && props.canWrite && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value as CommitBody['seedSource'])}
            options={[
              { value: 'dice', label: t('wf.seed.dice') },
              { value: 'beacon', label: t('wf.seed.beacon') },
              { value: 'system', label: t('wf.seed.systemWeak') },
            ]}
          />
          {source === 'beacon' && (
            <Input
              aria-label="drand quicknet round 1234567"
              style={{ width: 420 }}
              value={round}
              onChange={(e) => setRound(e.target.value)}
              placeholder="drand quicknet round 1234567"
            />
          )}
          <Button
            type="primary"
            loading={commit.isPending}
            onClick={() => ask('commit', () => commit.mutate(commitBody()))}
          >
            {t('wf.draw.commit')}
          </Button>
        </Space>
      )}
      <DrawProgressBar taskId={props.taskId} active={commit.isPending} />
      {s.status === 'committed' && (
        <Link to={`/console/tasks/${props.taskId}/ceremony/${s.id}`}>
          <Button type="primary" size="large" style={{ marginTop: 12 }}>
            {t('wf.ceremony.open')}
          </Button>
        </Link>
      )}
      {s.status === 'drawn' && (
        <Table<DrawSelection>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          dataSource={d.selections}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '#', render: (_, __, i) => i + 1, width: 50 },
            { title: t('wf.draw.target'), render: (_, r) => `${r.name}（${r.id}）` },
            {
              title: t('wf.draw.stratum'),
              dataIndex: 'stratum',
              width: 70,
              render: (v: string) => stratumName(t, v),
            },
            {
              title: t('wf.draw.team'),
              render: (_, r) =>
                r.team.map((m) => (
                  <Tag
                    key={m.id}
                    color={m.override ? 'orange' : m.expert ? 'gold' : 'blue'}
                  >{`${m.name} ${m.badgeNo ?? m.id}`}</Tag>
                )),
            },
            {
              title: t('wf.draw.open'),
              render: (_, r) =>
                r.status === 'unfilled' ? (
                  <Tag color="red">
                    {Object.entries(r.open)
                      .map(([k, n]) => `${k} 缺 ${n}`)
                      .join('，')}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            { title: t('wf.draw.plannedDate'), dataIndex: 'plannedDate', width: 110 },
            {
              title: t('wf.actions'),
              width: 190,
              render: (_, r) => (
                <Space>
                  <Link to={`/console/tasks/notices/${s.id}/${encodeURIComponent(r.id)}`}>
                    {t('wf.notice.title')}
                  </Link>
                  {props.canWrite && (
                    <Button size="small" onClick={() => setAssigning(r)}>
                      {t('wf.override.title')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={assigning !== null}
        title={`${t('wf.override.title')}：${assigning?.name ?? ''}`}
        okText={t('wf.confirm')}
        cancelText={t('wf.cancel')}
        okButtonProps={{ disabled: people.length === 0 || reason.trim().length < 4 }}
        confirmLoading={assign.isPending}
        onOk={() =>
          assigning !== null &&
          assign.mutate({
            target: assigning.id,
            inspectors: people,
            reason,
            ...(internalReason.trim() === '' ? {} : { internalReason: internalReason.trim() }),
          })
        }
        onCancel={() => setAssigning(null)}
      >
        {assigning?.status === 'unfilled' && (
          <Alert
            type="warning"
            showIcon
            title={t('wf.override.open', {
              open: Object.entries(assigning.open)
                .map(([k, n]) => `${k} × ${n}`)
                .join('，'),
            })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Select
          aria-label={t('wf.override.people')}
          mode="multiple"
          style={{ width: '100%', marginBottom: 12 }}
          value={people}
          onChange={setPeople}
          loading={inspectors.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('wf.override.people')}
          options={(inspectors.data?.items ?? [])
            .filter((i) => i.active)
            .map((i) => ({
              value: i.id,
              label: `${i.expert ? '【专家】' : ''}${i.name}（${i.badgeNo ?? i.id}）`,
            }))}
        />
        <Typography.Text strong>{t('wf.override.publicReason')}</Typography.Text>
        <Input.TextArea
          rows={3}
          aria-label={t('wf.override.publicReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('wf.override.publicReasonHint')}
        />
        <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
          {t('wf.override.internalReason')}
        </Typography.Text>
        <Input.TextArea
          rows={2}
          aria-label={t('wf.override.internalReason')}
          value={internalReason}
          onChange={(e) => setInternalReason(e.target.value)}
          placeholder={t('wf.override.internalReasonHint')}
        />
      </Modal>
    </Card>
  );
}
