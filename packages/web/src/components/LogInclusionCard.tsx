/**
 * The transparency-log card of the portal's draw and result pages (ssj-log/1, issue 13): the latest
 * signed tree head, the log entries of the draw (or of the result's publication), every commitment
 * of the task with outcome and reason, and the 验证收录 button, which checks inclusion and the
 * head's signature in this browser.
 */
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { logKeysDocumentSchema, signedTreeHeadSchema } from '@openssj/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { z } from 'zod';
import { formatDateTime } from '../format/china-time';
import { useI18n } from '../hooks/use-i18n';
import { headSignatureValid, rootFromPath } from '../log/verify-inclusion';

const viewSchema = z.object({
  sth: signedTreeHeadSchema.nullable(),
  entries: z.array(
    z.object({
      leafIndex: z.number(),
      leafHash: z.string(),
      kind: z.string(),
      entry: z.string(),
      inclusionPath: z.array(z.string()).nullable(),
    }),
  ),
  commitments: z.array(
    z.object({
      drawId: z.string(),
      commitment: z.string(),
      committedAt: z.string(),
      outcome: z.enum(['drawn', 'abandoned', 'pending']),
      reason: z.string().nullable(),
    }),
  ),
});
type View = z.infer<typeof viewSchema>;

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`HTTP ${res.status}`);
  }
  return res.json();
}

/** What the card is about: a draw, or the publication of one inspection's result. */
export type LogSubject = { readonly drawId: string } | { readonly inspectionId: string };

/** Is this log entry (its JCS text) about the subject? */
export function entryConcerns(entry: string, subject: LogSubject): boolean {
  if ('drawId' in subject) {
    return entry.includes(`"drawId":"${subject.drawId}"`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return false; // not an entry of the log's shape: never counted as the subject's
  }
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    'kind' in parsed &&
    parsed.kind === 'result' &&
    'inspections' in parsed &&
    Array.isArray(parsed.inspections) &&
    parsed.inspections.includes(subject.inspectionId)
  );
}

const KINDS = ['commitment', 'seed', 'draw', 'abandon', 'result', 'plan', 'checkpoint', 'key'] as const;

type Verdict = { ok: true; n: number; signature: boolean | null } | { ok: false; reason: string };

async function check(view: View, subject: LogSubject, t: ReturnType<typeof useI18n>['t']): Promise<Verdict> {
  const sth = view.sth;
  const mine = view.entries.filter((e) => e.inclusionPath !== null && entryConcerns(e.entry, subject));
  if (sth === null || mine.length === 0) {
    return { ok: false, reason: t('log.card.none') };
  }
  for (const e of mine) {
    const root = await rootFromPath(e.leafIndex, sth.treeSize, e.entry, e.inclusionPath ?? []);
    if (root !== sth.rootHash) {
      return { ok: false, reason: t('log.card.badEntry', { i: e.leafIndex }) };
    }
  }
  const keys = logKeysDocumentSchema.parse(await getJson('/.well-known/ssj-log-key'));
  const key = keys.keys.find((k) => k.keyId === sth.keyId);
  const sig = key === undefined ? false : await headSignatureValid(sth, key.publicKey);
  if (sig === false) {
    return { ok: false, reason: t('log.card.badSig') };
  }
  return { ok: true, n: mine.length, signature: sig };
}

/** The card: the task's log, and the subject whose entries are checked. */
export function LogInclusionCard({ subject, taskId }: { subject: LogSubject; taskId: string }) {
  const { t } = useI18n();
  const view = useQuery({
    queryKey: ['log-task', taskId],
    queryFn: async () =>
      viewSchema.parse(await getJson(`/api/public/log/tasks/${encodeURIComponent(taskId)}`)),
  });
  const verify = useMutation({
    mutationFn: async () => (view.data === undefined ? null : check(view.data, subject, t)),
  });
  const sth = view.data?.sth ?? null;
  const mine = (view.data?.entries ?? []).filter((e) => entryConcerns(e.entry, subject));
  const kindLabel = (k: string) => {
    const known = KINDS.find((x) => x === k);
    return known === undefined ? k : t(`log.kind.${known}`);
  };
  const v = verify.data;
  return (
    <Card title={t('log.card.title')} data-testid="log-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        {sth === null ? (
          <Alert type="info" message={t('log.card.none')} />
        ) : (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('log.card.size')}>{sth.treeSize}</Descriptions.Item>
            <Descriptions.Item label={t('log.card.root')}>
              {/* 64 hex digits: broken anywhere, so the card fits a phone */}
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {sth.rootHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('log.card.time')}>
              {formatDateTime(new Date(sth.timestamp).toISOString(), true)}
            </Descriptions.Item>
            <Descriptions.Item label={t('log.card.key')}>
              <Typography.Text code>{sth.keyId.slice(0, 16)}…</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Text strong>
          {t('drawId' in subject ? 'log.card.entries' : 'log.card.resultEntries')}
        </Typography.Text>
        <Space wrap>
          {mine.map((e) => (
            <Tag key={e.leafIndex} color={e.inclusionPath === null ? 'default' : 'blue'}>
              #{e.leafIndex} {kindLabel(e.kind)}
              {e.inclusionPath === null ? ` (${t('log.card.pending')})` : ''}
            </Tag>
          ))}
        </Space>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          disabled={sth === null}
          onClick={() => verify.mutate()}
        >
          {t('log.card.verify')}
        </Button>
        {v !== null && v !== undefined && (
          <Alert
            data-testid="log-verdict"
            type={v.ok ? 'success' : 'error'}
            icon={v.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
            showIcon
            message={
              v.ok
                ? t(v.signature === null ? 'log.card.okNoSig' : 'log.card.ok', { n: v.n })
                : t('log.card.bad', { reason: v.reason })
            }
          />
        )}
        {verify.error !== null && <Alert type="error" message={String(verify.error)} />}
        <Typography.Text strong>{t('log.card.commitments')}</Typography.Text>
        <Table
          size="small"
          rowKey="drawId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={view.data?.commitments ?? []}
          columns={[
            { title: t('log.card.drawId'), dataIndex: 'drawId' },
            {
              title: t('log.card.commitment'),
              dataIndex: 'commitment',
              render: (c: string) => <code>{c.slice(0, 16)}…</code>,
            },
            {
              title: t('log.card.committedAt'),
              dataIndex: 'committedAt',
              render: (at: string) => formatDateTime(at, true),
            },
            {
              title: t('log.card.outcome'),
              dataIndex: 'outcome',
              render: (o: 'drawn' | 'abandoned' | 'pending', r: View['commitments'][number]) => (
                <span>
                  <Tag color={o === 'abandoned' ? 'red' : o === 'drawn' ? 'green' : 'default'}>
                    {t(`log.outcome.${o}`)}
                  </Tag>
                  {r.reason}
                </span>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
