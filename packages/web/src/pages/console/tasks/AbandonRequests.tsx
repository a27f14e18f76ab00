/**
 * Abandoning a draw takes two people (issue 13): the lead department's admin asks with a reason,
 * and a leader of that department who did not ask approves (the draw is abandoned) or rejects it
 * with a comment. Shows the pending request with its decision buttons, the button that asks, and
 * every earlier request with its outcome.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { AbandonRequest } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { dateTime } from '../plans/workflow-labels';

const STATUS_COLOR = { pending: 'gold', approved: 'red', rejected: 'default' } as const;

/** The abandonment requests of a draw, and the controls the caller may use on them. */
export function AbandonRequests(props: {
  readonly drawId: string;
  /** The caller may ask (an admin of the lead department). */
  readonly canRequest: boolean;
  /** The draw can still be abandoned (not abandoned already). */
  readonly open: boolean;
  readonly onChange: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['tasks', 'abandon-requests', props.drawId],
    queryFn: () => unwrap(api.GET('/api/abandon-requests', { params: { query: { drawId: props.drawId } } })),
  });
  const onError = (e: unknown) => setError(e instanceof ApiError ? e.messageIn(lang) : String(e));
  const settled = async () => {
    setError(null);
    setAsking(false);
    setDeciding(null);
    setText('');
    await list.refetch();
    await props.onChange();
  };
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/draws/{id}/abandon-requests', {
          params: { path: { id: props.drawId } },
          body: { reason: text },
        }),
      ),
    meta: { silent: true },
    onSuccess: settled,
    onError,
  });
  const pending = (list.data ?? []).find((r) => r.status === 'pending');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      unwrap(
        api.POST('/api/abandon-requests/{id}/decision', {
          params: { path: { id: pending?.id ?? 0 } },
          body:
            decision === 'approve'
              ? { decision, ...(text.trim() === '' ? {} : { comment: text.trim() }) }
              : { decision, comment: text.trim() },
        }),
      ),
    meta: { silent: true },
    onSuccess: settled,
    onError,
  });
  const decided = (list.data ?? []).filter((r) => r.status !== 'pending');
  const textOk =
    deciding === 'reject' ? text.trim().length >= 2 : deciding !== null || text.trim().length >= 4;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error !== null && <Alert type="error" showIcon title={error} />}
      {pending !== undefined && (
        <Alert
          type="warning"
          showIcon
          data-testid="abandon-pending"
          title={t('wf.abandon.pending', {
            by: pending.requestedBy,
            at: dateTime(pending.requestedAt),
          })}
          description={
            <Space orientation="vertical">
              <Typography.Text>
                {t('wf.abandon.reason')}：{pending.reason}
              </Typography.Text>
              {pending.canDecide ? (
                <Space wrap>
                  <Button danger onClick={() => setDeciding('approve')}>
                    {t('wf.abandon.approve')}
                  </Button>
                  <Button onClick={() => setDeciding('reject')}>{t('wf.abandon.reject')}</Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('wf.abandon.waiting')}</Typography.Text>
              )}
            </Space>
          }
        />
      )}
      {pending === undefined && props.canRequest && props.open && (
        <Button danger onClick={() => setAsking(true)}>
          {t('wf.draw.abandon')}
        </Button>
      )}
      {decided.length > 0 && (
        <Table<AbandonRequest>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          title={() => t('wf.abandon.history')}
          dataSource={decided}
          columns={[
            {
              title: t('wf.abandon.status'),
              dataIndex: 'status',
              render: (s: AbandonRequest['status']) => (
                <Tag color={STATUS_COLOR[s]}>{t(`wf.abandon.status.${s}`)}</Tag>
              ),
            },
            { title: t('wf.abandon.reason'), dataIndex: 'reason' },
            {
              title: t('wf.abandon.asked'),
              render: (_: unknown, r) => `${r.requestedBy} ${dateTime(r.requestedAt)}`,
            },
            {
              title: t('wf.abandon.decided'),
              render: (_: unknown, r) => `${r.decidedBy ?? ''} ${dateTime(r.decidedAt)}`,
            },
            { title: t('wf.abandon.comment'), dataIndex: 'comment' },
          ]}
        />
      )}
      <Modal
        open={asking || deciding !== null}
        title={
          deciding === 'approve'
            ? t('wf.abandon.approve')
            : deciding === 'reject'
              ? t('wf.abandon.reject')
              : t('wf.draw.abandon')
        }
        okText={t('wf.confirm')}
        cancelText={t('wf.cancel')}
        okButtonProps={{ danger: deciding !== 'reject', disabled: !textOk }}
        confirmLoading={ask.isPending || decide.isPending}
        onOk={() => (deciding === null ? ask.mutate() : decide.mutate(deciding))}
        onCancel={() => {
          setAsking(false);
          setDeciding(null);
          setText('');
        }}
      >
        <Typography.Paragraph>
          {deciding === null
            ? t('wf.draw.abandonHint')
            : deciding === 'approve'
              ? t('wf.abandon.approveHint')
              : t('wf.abandon.rejectHint')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          aria-label={deciding === null ? t('wf.abandon.reason') : t('wf.abandon.comment')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
