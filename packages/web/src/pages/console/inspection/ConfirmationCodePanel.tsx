/**
 * 现场确认码 (issue 11): a leader of the task's department sees the visits under way here (an admin
 * issues them from the task's visit list) and,
 * when a teammate without the app must confirm on the recording phone, issues that teammate a
 * one-time 6-digit code (30 minutes, one use) to read to them by telephone. The code shows once.
 */
import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { VisitListItem } from '../../../api/inspection-types';
import { formatDateTime } from '../../../format/china-time';
import { useI18n } from '../../../hooks/use-i18n';

/** Issue a one-time code to a teammate of the visit who has not confirmed yet; the code shows once. */
export function IssueCodeModal({
  visit,
  onClose,
}: {
  readonly visit: VisitListItem;
  readonly onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [inspectorId, setInspectorId] = useState<string | undefined>(undefined);
  const view = useQuery({
    queryKey: ['visit', visit.id],
    queryFn: () => unwrap(api.GET('/api/inspections/{id}', { params: { path: { id: visit.id } } })),
  });
  const issue = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/inspections/{id}/confirmation-codes', {
          params: { path: { id: visit.id } },
          body: { inspectorId: id },
        }),
      ),
    meta: { silent: true },
  });
  const pending = (view.data?.team ?? []).filter((m) => !m.expert && !m.confirmed);
  return (
    <Modal
      open
      title={t('code.title', { target: visit.target.name })}
      onCancel={onClose}
      footer={
        issue.data === undefined ? (
          <Space>
            <Button onClick={onClose}>{t('wf.cancel')}</Button>
            <Button
              type="primary"
              disabled={inspectorId === undefined}
              loading={issue.isPending}
              onClick={() => inspectorId !== undefined && issue.mutate(inspectorId)}
            >
              {t('code.issue')}
            </Button>
          </Space>
        ) : (
          <Button type="primary" onClick={onClose}>
            {t('code.done')}
          </Button>
        )
      }
    >
      {issue.data === undefined ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('code.hint')} />
          {issue.error !== null && (
            <Alert
              type="error"
              showIcon
              title={issue.error instanceof ApiError ? issue.error.messageIn(lang) : String(issue.error)}
            />
          )}
          <Select
            aria-label={t('code.teammate')}
            placeholder={t('code.teammate')}
            style={{ width: '100%' }}
            loading={view.isLoading}
            value={inspectorId}
            onChange={setInspectorId}
            notFoundContent={t('code.noneToConfirm')}
            options={pending.map((m) => ({ value: m.inspectorId, label: `${m.name}（${m.inspectorId}）` }))}
          />
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="issued-code">
          <Typography.Text>{t('code.for', { name: issue.data.name })}</Typography.Text>
          <Typography.Title level={2} copyable style={{ letterSpacing: 8, margin: 0 }}>
            {issue.data.code}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('code.expires', { at: formatDateTime(issue.data.expiresAt) })}
          </Typography.Text>
          <Alert type="warning" showIcon title={t('code.once')} />
        </Space>
      )}
    </Modal>
  );
}

/** The visits of the department under way, each with 发放确认码. */
export function ConfirmationCodePanel() {
  const { t } = useI18n();
  const [visit, setVisit] = useState<VisitListItem | null>(null);
  const q = useQuery({
    queryKey: ['visits', 'under-way'],
    // the server lists only the visits under way (at most 500), not all of the department's
    queryFn: () => unwrap(api.GET('/api/inspections', { params: { query: { underWay: 'true' } } })),
  });
  const rows = q.data?.items ?? [];
  return (
    <>
      <Table<VisitListItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('review.target'), render: (_, r) => r.target.name },
          { title: t('code.task'), render: (_, r) => r.task.title },
          { title: t('code.planned'), render: (_, r) => r.plannedDate ?? '—', width: 120 },
          {
            title: t('code.status'),
            width: 110,
            render: (_, r) => (
              <Tag color={r.status === 'returned' ? 'red' : 'blue'}>{t(`insp.status.${r.status}`)}</Tag>
            ),
          },
          {
            title: t('wf.actions'),
            width: 140,
            render: (_, r) => (
              <Button size="small" icon={<KeyOutlined />} onClick={() => setVisit(r)}>
                {t('code.issue')}
              </Button>
            ),
          },
        ]}
      />
      {visit !== null && <IssueCodeModal visit={visit} onClose={() => setVisit(null)} />}
    </>
  );
}
