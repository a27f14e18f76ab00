/**
 * 异议与信用修复 (issue 16 part 2): the objections and credit-repair applications on the
 * results a department handles, pending ones by deadline first (overdue in red), with a
 * filter for those assigned to me; a row opens the application, where the reviewing leader
 * decides.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { formatDateTime } from '../../format/china-time';
import { useI18n } from '../../hooks/use-i18n';
import { useSession } from '../../hooks/use-session';
import { APPEAL_STATUS_COLORS } from '../portal/appeals/appeal-status';
import { AppealDrawer } from './appeals/AppealDrawer';

export type AppealItem =
  paths['/api/appeals']['get']['responses'][200]['content']['application/json']['items'][number];
type StatusFilter = AppealItem['status'] | 'all';
type KindFilter = AppealItem['kind'] | 'all';

/** /console/appeals */
export function AppealsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const isLeader = user?.roles.includes('leader') === true;
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [kind, setKind] = useState<KindFilter>('all');
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['appeals', 'list', status, kind, mine, overdue, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/appeals', {
          params: {
            query: {
              page,
              pageSize: 20,
              ...(status === 'all' ? {} : { status }),
              ...(kind === 'all' ? {} : { kind }),
              ...(mine ? { mine: 'true' as const } : {}),
              ...(overdue ? { overdue: 'true' as const } : {}),
            },
          },
        }),
      ),
  });
  const reset = () => setPage(1);
  return (
    <Card
      size="small"
      title={t('nav.appeals')}
      extra={
        <Space wrap>
          <Segmented<KindFilter>
            value={kind}
            onChange={(v) => {
              setKind(v);
              reset();
            }}
            options={(['all', 'objection', 'credit_repair'] as const).map((v) => ({
              value: v,
              label: v === 'all' ? t('appeals.status.all') : t(`appeals.kind.${v}`),
            }))}
          />
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              reset();
            }}
            options={(
              ['pending', 'upheld', 'corrected', 'withdrawn', 'approved', 'rejected', 'all'] as const
            ).map((v) => ({ value: v, label: t(`appeals.status.${v}`) }))}
          />
          {isLeader && (
            <Checkbox
              checked={mine}
              onChange={(e) => {
                setMine(e.target.checked);
                reset();
              }}
            >
              {t('appeals.filter.mine')}
            </Checkbox>
          )}
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              reset();
            }}
          >
            {t('appeals.filter.overdue')}
          </Checkbox>
        </Space>
      }
    >
      <Table<AppealItem>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 980 }}
        onRow={(a) => ({ onClick: () => setOpen(a.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('appeals.col.filedAt'), width: 150, render: (_, a) => formatDateTime(a.filedAt) },
          {
            title: t('appeals.col.kind'),
            width: 90,
            render: (_, a) => <Tag>{t(`appeals.kind.${a.kind}`)}</Tag>,
          },
          {
            title: t('appeals.col.target'),
            width: 260,
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Typography.Link onClick={() => setOpen(a.id)}>{a.targetName}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.uscc ?? a.targetId}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('appeals.col.task'), render: (_, a) => a.taskTitle },
          {
            title: t('appeals.col.due'),
            width: 140,
            render: (_, a) => (
              <Space size={4}>
                <Typography.Text {...(a.overdue ? { type: 'danger' as const } : {})}>
                  {a.dueOn}
                </Typography.Text>
                {a.overdue && <Tag color="red">{t('appeals.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('appeals.col.status'),
            width: 120,
            render: (_, a) => (
              <Tag color={APPEAL_STATUS_COLORS[a.status]}>{t(`appeals.status.${a.status}`)}</Tag>
            ),
          },
        ]}
      />
      <AppealDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
