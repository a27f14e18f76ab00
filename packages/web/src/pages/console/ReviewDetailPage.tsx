/**
 * One visit for review (复核): the results per item (联合总表 across departments), photos,
 * confirmations and signature; approve, or return with a comment; publish once approved;
 * and the follow-ups (后续处置) with the suggested ones (abnormal list within 10 working days).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_KINDS, type FollowUpKind } from '@openssj/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import { usePublicConfirm } from '../../components/use-public-confirm';
import type { FollowUpBody, VisitView } from '../../api/inspection-types';
import { useI18n } from '../../hooks/use-i18n';
import { answerLines } from './inspection/answer-lines';
import { EvidenceList } from './inspection/EvidenceList';
import { JointSummary } from './inspection/JointSummary';
import { onMySide, SideTag } from './inspection/SideFilter';
import { useCurrentUser } from '../../hooks/use-current-user';
import { CountdownTag } from './ReviewsPage';

function FollowUpPanel({ view }: { readonly view: VisitView }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [kind, setKind] = useState<FollowUpKind>('correction_order');
  const [detail, setDetail] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  const [closing, setClosing] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: ['visit', view.id] });
  const add = useMutation({
    mutationFn: (b: FollowUpBody) =>
      unwrap(api.POST('/api/inspections/{id}/follow-ups', { params: { path: { id: view.id } }, body: b })),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/follow-ups/{id}/close', {
          params: { path: { id } },
          body: { note: closing.trim() === '' ? '已办结' : closing.trim() },
        }),
      ),
    onSuccess: refresh,
  });
  const label = (k: FollowUpKind) => FOLLOW_UP_KIND_LABELS[k][lang === 'en' ? 'en' : 'zh'];
  return (
    <Card size="small" title={t('review.followUps')}>
      {view.suggestions.map((s) => (
        <Alert
          key={`${s.itemId}-${s.kind}`}
          type="info"
          style={{ marginBottom: 8 }}
          message={t('review.suggest', {
            reason: lang === 'en' ? s.reasonEn : s.reasonZh,
            deadline: s.deadline ?? '—',
          })}
          action={
            view.me.canFollowUp ? (
              <Button
                size="small"
                onClick={() =>
                  add.mutate({ kind: s.kind, detail: label(s.kind), itemId: s.itemId, deadline: s.deadline })
                }
              >
                {t('review.useSuggestion')}
              </Button>
            ) : undefined
          }
        />
      ))}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.followUps}
        columns={[
          { title: t('review.kind'), render: (_, r) => label(r.kind) },
          { title: t('review.detail'), dataIndex: 'detail' },
          {
            title: t('review.deadlineDate'),
            render: (_, r) => (
              <Space size={4}>
                {r.deadline ?? '—'}
                {r.deadlineProvisional && <Tag color="gold">{t('review.provisional')}</Tag>}
                {r.overdue && <Tag color="red">{t('review.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, r) =>
              r.status === 'closed' ? (
                <Tag color="green">{t('review.statusClosed')}</Tag>
              ) : (
                <Button size="small" onClick={() => close.mutate(r.id)}>
                  {t('review.close')}
                </Button>
              ),
          },
        ]}
      />
      {view.me.canFollowUp && ['submitted', 'approved', 'published'].includes(view.status) && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select<FollowUpKind>
            aria-label={t('review.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: label(k) }))}
          />
          <Input
            aria-label={t('review.detail')}
            placeholder={t('review.detail')}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
            style={{ width: 220 }}
          />
          <DatePicker
            aria-label={t('review.deadlineDate')}
            placeholder={t('review.deadlineDate')}
            onChange={(d) => setDeadline(d === null ? null : d.format('YYYY-MM-DD'))}
          />
          <Button
            type="primary"
            disabled={detail.trim() === ''}
            loading={add.isPending}
            onClick={() => add.mutate({ kind, detail: detail.trim(), deadline })}
          >
            {t('review.add')}
          </Button>
          <Input
            aria-label={t('review.closingNote')}
            placeholder={t('review.closingNote')}
            value={closing}
            onChange={(e) => setClosing(e.target.value)}
            style={{ width: 180 }}
          />
        </Space>
      )}
    </Card>
  );
}

/** /console/reviews/:id */
export function ReviewDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const department = useCurrentUser().department.code;
  const [comment, setComment] = useState('');
  const q = useQuery({
    queryKey: ['visit', id],
    queryFn: () => unwrap(api.GET('/api/inspections/{id}', { params: { path: { id } } })),
    meta: { silent: true },
  });
  const ask = usePublicConfirm();
  const act = useMutation({
    mutationFn: (a: 'approve' | 'return' | 'publish') => {
      const version = q.data?.version ?? 1;
      return a === 'publish'
        ? unwrap(api.POST('/api/inspections/{id}/publish', { params: { path: { id } }, body: { version } }))
        : unwrap(
            api.POST('/api/inspections/{id}/review', {
              params: { path: { id } },
              body: { version, decision: a, ...(comment.trim() === '' ? {} : { comment: comment.trim() }) },
            }),
          );
    },
    onSuccess: (v) => {
      qc.setQueryData(['visit', id], v);
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
    meta: { silent: true },
  });
  if (q.isError) {
    return <Result status="warning" title={errorMessage(q.error, lang)} />;
  }
  const v = q.data;
  if (v === undefined) {
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/console/reviews">← {t('nav.reviews')}</Link>
      <Card size="small" title={v.target.name} extra={<Tag color="blue">{t(`insp.status.${v.status}`)}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="USCC">{v.target.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('insp.task')}>{v.taskTitle}</Descriptions.Item>
          <Descriptions.Item label={t('notice.code')}>{v.noticeCode}</Descriptions.Item>
          {v.side !== null && (
            <Descriptions.Item label={t('insp.side')}>
              <SideTag side={v.side} mine={onMySide(v.side, department)} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('review.deadline')}>
            <CountdownTag c={v.countdown} />
          </Descriptions.Item>
          <Descriptions.Item label={t('insp.team')}>
            {v.team
              .map((m) => `${m.name}（${m.badgeNo ?? m.inspectorId}）${m.confirmed ? '✓' : ''}`)
              .join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('insp.method.title')}>
            {t(`insp.method.${v.method}`)}
            {v.remoteEvidence === null ? '' : `：${v.remoteEvidence}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('insp.signature')}>
            {v.businessSignature === null
              ? '—'
              : v.businessSignature.kind === 'signed'
                ? t('insp.signedBy', { name: v.businessSignature.signerName })
                : t('insp.refusedWith', { reason: v.businessSignature.reason })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('insp.items')}>
        <Table
          size="small"
          rowKey="itemId"
          pagination={false}
          dataSource={v.items}
          columns={[
            { title: t('review.item'), dataIndex: 'name' },
            {
              title: t('insp.dept'),
              render: (_, it) =>
                v.departments.find((d) => d.code === it.departmentCode)?.name ?? it.departmentCode,
            },
            {
              title: t('insp.category'),
              render: (_, it) => {
                const r = v.results.find((x) => x.itemId === it.itemId);
                return r === undefined
                  ? '—'
                  : `${r.category ?? '—'}${r.categoryNote === null ? '' : `（${r.categoryNote}）`}`;
              },
            },
            {
              title: t('insp.notes'),
              render: (_, it) => v.results.find((x) => x.itemId === it.itemId)?.notes ?? '',
            },
            {
              // issue 11: the inspector's 备注 and the other checklist answers, for the reviewer
              title: t('review.answers'),
              render: (_, it) => {
                const r = v.results.find((x) => x.itemId === it.itemId);
                const lines = r === undefined ? [] : answerLines(it.form, r.answers, lang);
                return lines.length === 0 ? (
                  '—'
                ) : (
                  <div aria-label={t('review.answersOf', { name: it.name })}>
                    {lines.map((l) => (
                      <div key={l.key} style={l.remark ? { fontWeight: 600 } : undefined}>
                        {l.label}：{l.text}
                      </div>
                    ))}
                  </div>
                );
              },
            },
          ]}
        />
      </Card>
      <EvidenceList view={v} />
      {v.departments.length > 1 && <JointSummary view={v} />}
      {v.status === 'submitted' && v.me.canReview && (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={t('review.comment')}
              placeholder={t('review.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              autoSize
            />
            <Space>
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate('approve')}>
                {t('review.approve')}
              </Button>
              <Button
                danger
                disabled={comment.trim() === ''}
                loading={act.isPending}
                onClick={() => act.mutate('return')}
              >
                {t('review.return')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      {v.status === 'approved' && v.me.canPublish && (
        <Button
          type="primary"
          loading={act.isPending}
          onClick={() => ask('publishResult', () => act.mutate('publish'))}
        >
          {t('review.publish')}
        </Button>
      )}
      <FollowUpPanel view={v} />
    </Space>
  );
}
