/**
 * A task's visits on its detail page (staff): target, status, planned date and, in a cross-region
 * task (issue 6), the side each visit belongs to, filtered to 本方 by default. The server lists a
 * side's staff only their own side's visits; oversight roles see both and can narrow them. Admins
 * and leaders issue a one-time confirmation code for a visit under way from here.
 */
import { KeyOutlined } from '@ant-design/icons';
import { isUnderWay } from '@openssj/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { VisitListItem } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';
import { IssueCodeModal } from '../inspection/ConfirmationCodePanel';
import { onMySide, SideTag, useSideFilter } from '../inspection/SideFilter';

/** The visits card of a drawn task. */
export function TaskVisits({
  taskId,
  department,
  linkable,
  issuesCodes,
}: {
  readonly taskId: string;
  readonly department: string;
  /** Leaders open a visit on the review page (a leader-only page). */
  readonly linkable: boolean;
  /** Admins and leaders issue one-time confirmation codes for visits under way (issue 11). */
  readonly issuesCodes: boolean;
}) {
  const { t } = useI18n();
  const [coded, setCoded] = useState<VisitListItem | null>(null);
  const q = useQuery({
    queryKey: ['visits', 'task', taskId],
    queryFn: () => unwrap(api.GET('/api/inspections', { params: { query: { taskId } } })),
  });
  const { shown, control } = useSideFilter(q.data?.items ?? [], department);
  const sided = (q.data?.items ?? []).some((v) => v.side !== null);
  return (
    <Card title={t('insp.taskVisits')} extra={control}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {sided && <Alert type="info" showIcon message={t('insp.sideHint')} />}
        <Table<VisitListItem>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={[...shown]}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('review.target'),
              render: (_, r) =>
                linkable ? <Link to={`/console/reviews/${r.id}`}>{r.target.name}</Link> : r.target.name,
            },
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
            { title: t('insp.planned'), render: (_, r) => r.plannedDate ?? '—' },
            {
              title: '',
              render: (_, r) => (
                <Tag color={r.status === 'published' ? 'green' : 'blue'}>{t(`insp.status.${r.status}`)}</Tag>
              ),
            },
            ...(issuesCodes
              ? [
                  {
                    title: t('wf.actions'),
                    render: (_: unknown, r: VisitListItem) =>
                      isUnderWay(r.status) && (
                        <Button size="small" icon={<KeyOutlined />} onClick={() => setCoded(r)}>
                          {t('code.issue')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      {coded !== null && <IssueCodeModal visit={coded} onClose={() => setCoded(null)} />}
    </Card>
  );
}
