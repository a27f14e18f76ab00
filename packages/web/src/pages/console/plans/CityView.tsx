/** The city-wide view (全市计划汇总): every department's plans and tasks of a year, with overlap suggestions. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, List, Table, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { TaskView } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { PLAN_STATUS } from './workflow-labels';
import { useDepartmentName } from '../../../hooks/use-org';

/** City view of a year. */
export function CityView({ year }: { readonly year: number }) {
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const view = useQuery({
    queryKey: ['plans', 'city', year],
    queryFn: () => unwrap(api.GET('/api/plans/city', { params: { query: { year } } })),
  });
  const data = view.data;
  if (data === undefined) {
    return <Table loading />;
  }
  const planOf = new Map(data.plans.map((p) => [p.id, p]));
  return (
    <>
      {data.overlaps.length === 0 ? (
        <Alert type="success" showIcon title={t('wf.city.noOverlap')} style={{ marginBottom: 12 }} />
      ) : (
        <List
          header={
            <Typography.Text strong>{t('wf.city.overlaps', { n: data.overlaps.length })}</Typography.Text>
          }
          bordered
          style={{ marginBottom: 12 }}
          dataSource={data.overlaps}
          renderItem={(o) => (
            <List.Item>
              <Typography.Text type="warning">
                {lang === 'en' ? o.suggestionEn : o.suggestionZh}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {data.tasks.length === 0 ? (
        <Empty />
      ) : (
        <Table<TaskView>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={data.tasks}
          columns={[
            { title: t('wf.task.id'), dataIndex: 'id', width: 120 },
            { title: t('wf.task.title'), dataIndex: 'title' },
            { title: t('wf.task.lead'), dataIndex: 'leadDepartmentCode', render: (c: string) => deptName(c) },
            {
              title: t('wf.task.participants'),
              render: (_, r) =>
                r.participants.map((p) => <Tag key={p.departmentCode}>{deptName(p.departmentCode)}</Tag>),
            },
            { title: t('wf.task.window'), render: (_, r) => `${r.windowStart} ~ ${r.windowEnd}`, width: 200 },
            {
              title: t('wf.plan.status'),
              width: 100,
              render: (_, r) => {
                const s = planOf.get(r.planId)?.status ?? r.planStatus;
                return (
                  <Tag color={PLAN_STATUS[s]?.color ?? 'default'}>
                    {t(PLAN_STATUS[s]?.label ?? 'wf.plan.status.draft')}
                  </Tag>
                );
              },
            },
          ]}
        />
      )}
    </>
  );
}
