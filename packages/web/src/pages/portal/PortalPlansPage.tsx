/** 抽查计划公示 (/plans): published annual plans with their tasks, items, ratios and visible revisions. */
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PublicPlans } from '../../api/workflow-types';
import { useI18n } from '../../hooks/use-i18n';
import { useDepartmentName } from '../../hooks/use-org';
import { dateTime, stratumLabel } from '../console/plans/workflow-labels';

const THIS_YEAR = new Date().getFullYear();

/** The public plans page. */
export function PortalPlansPage() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const [year, setYear] = useState(THIS_YEAR);
  const plans = useQuery({
    queryKey: ['public', 'plans', year],
    queryFn: () => unwrap(api.GET('/api/public/plans', { params: { query: { year } } })),
  });
  const items: PublicPlans = plans.data?.items ?? [];
  return (
    <div style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px' }}>
      <Card
        title={t('portal.section.plans')}
        loading={plans.isLoading}
        extra={
          <Select
            aria-label={t('portal.col.year')}
            value={year}
            onChange={setYear}
            options={[THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1].map((y) => ({
              value: y,
              label: t('wf.plan.yearN', { n: y }),
            }))}
          />
        }
      >
        {items.length === 0 ? (
          <Empty />
        ) : (
          <Collapse
            defaultActiveKey={items.map((p) => p.plan.id)}
            items={items.map((p) => ({
              key: p.plan.id,
              label: (
                <Space wrap>
                  <Typography.Text strong>{p.plan.title}</Typography.Text>
                  <Tag>{p.plan.departmentName}</Tag>
                  <span>
                    {t('wf.plan.publishedAt')}：{dateTime(p.plan.publishedAt)}
                  </span>
                  {p.revisions.length > 0 && (
                    <Tag color="orange">{t('wf.plan.revisionN', { n: p.revisions.length })}</Tag>
                  )}
                </Space>
              ),
              children: (
                <>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={p.tasks}
                    columns={[
                      { title: t('wf.task.id'), dataIndex: 'id', width: 120 },
                      {
                        title: t('wf.task.title'),
                        dataIndex: 'title',
                        render: (v: string) => (
                          <span style={{ display: 'inline-block', minWidth: 160 }}>{v}</span>
                        ),
                      },
                      {
                        title: t('wf.task.items'),
                        render: (_, r) => r.items.map((i) => <Tag key={i.name}>{i.name}</Tag>),
                      },
                      {
                        title: t('wf.task.participants'),
                        render: (_, r) => r.participants.map(deptName).join('、') || '—',
                        width: 140,
                      },
                      {
                        title: t('wf.task.strata'),
                        render: (_, r) => r.strata.map((s) => stratumLabel(t, s.name, s.ratio)).join('，'),
                        width: 200,
                      },
                      {
                        title: t('wf.task.window'),
                        render: (_, r) => `${r.windowStart} ~ ${r.windowEnd}`,
                        width: 200,
                      },
                    ]}
                  />
                  {p.revisions.map((r) => (
                    <Typography.Paragraph
                      key={r.revision}
                      type="secondary"
                      style={{ marginTop: 8, marginBottom: 0 }}
                    >
                      {t('wf.plan.revisionN', { n: r.revision })}（{dateTime(r.createdAt)}）：{r.reason}
                    </Typography.Paragraph>
                  ))}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
