/**
 * Portal home (一公开): the regime in one paragraph and the four public sections, each with its
 * latest published entries (items, plans, results, draws) and a link to the full list.
 */
import { AimOutlined, NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatDate, formatDateTime } from '../../format/china-time';
import { useI18n } from '../../hooks/use-i18n';
import type { MessageKey } from '../../i18n/types';
import { SEED_SOURCE } from '../console/plans/workflow-labels';

const LATEST = 5;

const PRINCIPLES: readonly { readonly icon: ReactNode; readonly label: MessageKey }[] = [
  { icon: <AimOutlined />, label: 'portal.principle1' },
  { icon: <TeamOutlined />, label: 'portal.principle2' },
  { icon: <NotificationOutlined />, label: 'portal.principle3' },
];

function SectionTitle({ children }: { readonly children: ReactNode }) {
  return (
    <span style={{ borderInlineStart: '4px solid #c8161d', paddingInlineStart: 10, fontSize: 17 }}>
      {children}
    </span>
  );
}

function Section<R extends object>(props: {
  readonly id: string;
  readonly title: MessageKey;
  readonly description: MessageKey;
  readonly empty: MessageKey;
  readonly to: string;
  readonly loading: boolean;
  readonly rows: readonly R[];
  readonly rowKey: (r: R) => string;
  readonly columns: TableColumnsType<R>;
}) {
  const { t } = useI18n();
  return (
    <Card
      id={props.id}
      title={
        <h2 style={{ margin: 0, fontSize: 17 }}>
          <SectionTitle>{t(props.title)}</SectionTitle>
        </h2>
      }
      extra={<Link to={props.to}>{t('portal.viewAll')}</Link>}
      style={{ height: '100%', scrollMarginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">{t(props.description)}</Typography.Paragraph>
      <Table<R>
        size="small"
        rowKey={props.rowKey}
        pagination={false}
        loading={props.loading}
        dataSource={[...props.rows]}
        scroll={{ x: 'max-content' }}
        columns={props.columns}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(props.empty)} />,
        }}
      />
    </Card>
  );
}

/** The public home page at `/`. */
export function PortalHomePage() {
  const { t } = useI18n();
  const { hash } = useLocation();
  const items = useQuery({
    queryKey: ['portal', 'home', 'items'],
    queryFn: () => unwrap(api.GET('/api/public/items', { params: { query: { limit: LATEST } } })),
  });
  const plans = useQuery({
    queryKey: ['portal', 'home', 'plans'],
    queryFn: () => unwrap(api.GET('/api/public/plans', { params: { query: {} } })),
  });
  const results = useQuery({
    queryKey: ['portal', 'home', 'results'],
    queryFn: () => unwrap(api.GET('/api/public/results', { params: { query: { limit: LATEST } } })),
  });
  const draws = useQuery({
    queryKey: ['portal', 'home', 'draws'],
    queryFn: () => unwrap(api.GET('/api/public/draws', { params: { query: { page: 1, pageSize: LATEST } } })),
  });
  const latestPlans = [...(plans.data?.items ?? [])]
    .map((p) => p.plan)
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, LATEST);

  // the navigation links to sections by #id; the router does not scroll by itself
  useEffect(() => {
    if (hash.length > 1) {
      document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }, [hash]);

  return (
    <div className="ssj-portal-container" style={{ paddingTop: 24 }}>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Paragraph style={{ fontSize: 15, lineHeight: 1.9, marginBottom: 16 }}>
          {t('portal.intro')}
        </Typography.Paragraph>
        <Row gutter={[12, 12]}>
          {PRINCIPLES.map((p) => (
            <Col xs={24} md={8} key={p.label}>
              <div
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 10,
                  padding: '12px 16px',
                  background: '#eef3fb',
                  borderRadius: 8,
                  color: '#123f85',
                  fontWeight: 600,
                }}
              >
                <span style={{ fontSize: 20 }}>{p.icon}</span>
                {t(p.label)}
              </div>
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <Section
            id="items"
            title="portal.section.items"
            description="portal.section.items.desc"
            empty="portal.section.items.empty"
            to="/items"
            loading={items.isLoading}
            rows={items.data?.items ?? []}
            rowKey={(r) => r.id}
            columns={[
              { title: t('portal.col.itemName'), dataIndex: 'name' },
              {
                title: t('portal.col.itemPriority'),
                render: (_, r) => (
                  <Tag color={r.priority === 'key' ? 'red' : 'blue'}>{t(`items.priority.${r.priority}`)}</Tag>
                ),
              },
              { title: t('portal.col.method'), render: (_, r) => t(`items.method.${r.method}`) },
              { title: t('portal.col.department'), dataIndex: 'departmentName' },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            id="plans"
            title="portal.section.plans"
            description="portal.section.plans.desc"
            empty="portal.section.plans.empty"
            to="/plans"
            loading={plans.isLoading}
            rows={latestPlans}
            rowKey={(r) => r.id}
            columns={[
              { title: t('portal.col.planName'), dataIndex: 'title' },
              { title: t('portal.col.year'), dataIndex: 'year' },
              { title: t('portal.col.department'), dataIndex: 'departmentName' },
              { title: t('portal.col.publishedAt'), render: (_, r) => formatDate(r.publishedAt) },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            id="results"
            title="portal.section.results"
            description="portal.section.results.desc"
            empty="portal.section.results.empty"
            to="/results"
            loading={results.isLoading}
            rows={results.data?.items ?? []}
            rowKey={(r) => r.id}
            columns={[
              {
                title: t('portal.col.entityName'),
                render: (_, r) => <Link to={`/results/${r.id}`}>{r.targetName}</Link>,
              },
              { title: t('portal.col.result'), render: (_, r) => r.category ?? '—' },
              { title: t('portal.col.department'), dataIndex: 'departmentName' },
              { title: t('portal.col.publishedAt'), render: (_, r) => formatDate(r.publishedAt) },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            id="draws"
            title="portal.section.draws"
            description="portal.section.draws.desc"
            empty="portal.section.draws.empty"
            to="/draws"
            loading={draws.isLoading}
            rows={draws.data?.items ?? []}
            rowKey={(r) => r.id}
            columns={[
              { title: t('portal.col.taskName'), dataIndex: 'taskTitle' },
              {
                title: t('portal.col.drawnAt'),
                render: (_, r) => formatDateTime(r.drawnAt ?? r.committedAt),
              },
              {
                title: t('portal.col.seedSource'),
                render: (_, r) =>
                  r.seedSource === null ? '—' : t(SEED_SOURCE[r.seedSource] ?? 'wf.seed.dice'),
              },
              {
                title: t('portal.col.verify'),
                render: (_, r) => <Link to={`/draws/${r.id}`}>{t('portal.verify')}</Link>,
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
