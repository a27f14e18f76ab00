/**
 * 我的检查 (inspector, phone first): today's and upcoming visits with the target's name,
 * address and a map link, the task and its items; submitted ones below. Visits under way are
 * fetched at once so they open offline, and a visit with work waiting on the phone says so.
 */
import { isUnderWay } from '@openssj/core';
import { CloudUploadOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { TodoList } from '../../components/TodoList';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { VisitListItem } from '../../api/inspection-types';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useI18n } from '../../hooks/use-i18n';
import { onMySide, SideTag, useSideFilter } from './inspection/SideFilter';
import { outboxOf, outboxWaiting } from './inspection/draft-store';
import { visitQuery } from './inspection/use-visit-draft';

function VisitCard({ v, department }: { readonly v: VisitListItem; readonly department: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="visit-card">
      <Link to={`/console/my-inspections/${v.id}`} style={{ color: 'inherit' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong>{v.target.name}</Typography.Text>
          <RightOutlined />
        </Space>
      </Link>
      <div style={{ fontSize: 13, marginTop: 4 }}>
        {v.target.address}{' '}
        {v.mapUrl !== null && (
          <a href={v.mapUrl} target="_blank" rel="noreferrer" style={{ textDecoration: 'underline' }}>
            <EnvironmentOutlined /> {t('insp.map')}
          </a>
        )}
      </div>
      <div style={{ fontSize: 13, color: '#595959' }}>
        {t('insp.task')}：{v.task.title}
      </div>
      <div style={{ fontSize: 13, color: '#595959' }}>
        {t('insp.items')}：{v.items.join('、')}
      </div>
      <Space wrap style={{ marginTop: 6 }}>
        <Tag color={v.status === 'returned' ? 'red' : 'blue'}>{t(`insp.status.${v.status}`)}</Tag>
        {outboxWaiting(outboxOf(v.id)) && (
          <Tag color="orange" icon={<CloudUploadOutlined />}>
            {t('insp.outbox.pending')}
          </Tag>
        )}
        <SideTag side={v.side} mine={onMySide(v.side, department)} />
        {v.plannedDate !== null && (
          <Tag>
            {t('insp.planned')} {v.plannedDate}
          </Tag>
        )}
      </Space>
      {v.status === 'returned' && v.reviewComment !== null && (
        <div style={{ color: '#c00', fontSize: 13 }}>{t('insp.returned', { comment: v.reviewComment })}</div>
      )}
    </Card>
  );
}

/** /console/my-inspections */
export function MyInspectionsPage() {
  const { t } = useI18n();
  const department = useCurrentUser().department.code;
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['visits', 'mine'],
    queryFn: () => unwrap(api.GET('/api/inspections/mine', { params: { query: { done: 'true' } } })),
  });
  // issue 15: when the day starts, each visit under way (with its checklist forms) is fetched once,
  // so the service worker keeps it and the visit opens without a network
  useEffect(() => {
    for (const v of q.data?.items ?? []) {
      if (isUnderWay(v.status)) {
        void qc.prefetchQuery(visitQuery(v.id));
      }
    }
  }, [q.data, qc]);
  // cross-region tasks: 本方 = the visits this inspector's side records; 全部 adds those it joins
  const { shown, control } = useSideFilter(q.data?.items ?? [], department);
  if (q.data === undefined) {
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  const open = shown.filter((v) => isUnderWay(v.status));
  const groups: [string, VisitListItem[]][] = [
    [t('insp.today'), open.filter((v) => v.today)],
    [t('insp.upcoming'), open.filter((v) => !v.today)],
    [t('insp.done'), shown.filter((v) => !open.includes(v))],
  ];
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <TodoList compact />
      {control !== null && <div style={{ marginBottom: 12 }}>{control}</div>}
      {q.data.items.length === 0 && <Empty description={t('insp.none')} />}
      {groups.map(([title, items]) =>
        items.length === 0 ? null : (
          <div key={title}>
            <Typography.Title level={5}>
              {title}（{items.length}）
            </Typography.Title>
            <List
              dataSource={items}
              renderItem={(v) => (
                <List.Item key={v.id} style={{ display: 'block', padding: 0, borderBlockEnd: 'none' }}>
                  <VisitCard v={v} department={department} />
                </List.Item>
              )}
            />
          </div>
        ),
      )}
    </div>
  );
}
