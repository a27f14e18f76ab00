/** 摇号公示 (/draws): every committed draw, newest first, with the count of abandoned draws (no silent redraw). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PublicDrawList } from '../../api/workflow-types';
import { useI18n } from '../../hooks/use-i18n';
import { useDepartmentName } from '../../hooks/use-org';
import { dateTime, DRAW_STATUS, SEED_SOURCE } from '../console/plans/workflow-labels';

/** The public draws list. */
export function PortalDrawsPage() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['public', 'draws', page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/public/draws', { params: { query: { page, pageSize: 20 } } })),
  });
  const counts = list.data?.counts ?? {};
  return (
    <div style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px' }}>
      <Card title={t('portal.section.draws')}>
        <Space size={[48, 16]} wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('wf.draw.status.drawn')} value={counts['drawn'] ?? 0} />
          <Statistic title={t('wf.draw.status.committed')} value={counts['committed'] ?? 0} />
          <Statistic
            title={t('wf.portal.abandonedCount')}
            value={counts['abandoned'] ?? 0}
            valueStyle={{ color: '#cf1322' }}
          />
        </Space>
        <Table<PublicDrawList['items'][number]>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('wf.draw.id'),
              dataIndex: 'id',
              render: (v: string) => <Link to={`/draws/${v}`}>{v}</Link>,
            },
            { title: t('wf.task.title'), dataIndex: 'taskTitle' },
            { title: t('wf.task.lead'), dataIndex: 'leadDepartmentCode', render: (c: string) => deptName(c) },
            {
              title: t('wf.draw.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => (
                <Tag color={DRAW_STATUS[s]?.color ?? 'default'}>
                  {t(DRAW_STATUS[s]?.label ?? 'wf.draw.status.committed')}
                </Tag>
              ),
            },
            {
              title: t('wf.draw.seedSource'),
              dataIndex: 'seedSource',
              width: 140,
              render: (s: string | null) => (s === null ? '—' : t(SEED_SOURCE[s] ?? 'wf.seed.dice')),
            },
            {
              title: t('wf.draw.committedAt'),
              dataIndex: 'committedAt',
              width: 180,
              render: (v: string | null) => dateTime(v),
            },
            {
              title: t('wf.portal.selected'),
              dataIndex: 'selected',
              width: 90,
              render: (v: number | null) => v ?? '—',
            },
            {
              title: t('wf.draw.supersedes'),
              dataIndex: 'supersedes',
              width: 150,
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
    </div>
  );
}
