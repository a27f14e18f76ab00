/** Portal home (一公开): the regime in one paragraph and the four public sections, empty until their data is published. */
import { AimOutlined, NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../../hooks/use-i18n';
import type { MessageKey } from '../../i18n/types';

interface PortalSection {
  readonly id: 'items' | 'plans' | 'results' | 'draws';
  readonly title: MessageKey;
  readonly description: MessageKey;
  readonly empty: MessageKey;
  readonly columns: readonly MessageKey[];
}

// Column heads show what each list will hold once issues 3 and 5 publish data into it.
const SECTIONS: readonly PortalSection[] = [
  {
    id: 'items',
    title: 'portal.section.items',
    description: 'portal.section.items.desc',
    empty: 'portal.section.items.empty',
    columns: ['portal.col.itemName', 'portal.col.itemPriority', 'portal.col.method', 'portal.col.department'],
  },
  {
    id: 'plans',
    title: 'portal.section.plans',
    description: 'portal.section.plans.desc',
    empty: 'portal.section.plans.empty',
    columns: ['portal.col.planName', 'portal.col.year', 'portal.col.department', 'portal.col.publishedAt'],
  },
  {
    id: 'results',
    title: 'portal.section.results',
    description: 'portal.section.results.desc',
    empty: 'portal.section.results.empty',
    columns: ['portal.col.entityName', 'portal.col.uscc', 'portal.col.result', 'portal.col.publishedAt'],
  },
  {
    id: 'draws',
    title: 'portal.section.draws',
    description: 'portal.section.draws.desc',
    empty: 'portal.section.draws.empty',
    columns: ['portal.col.taskName', 'portal.col.drawnAt', 'portal.col.seedSource', 'portal.col.verify'],
  },
];

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

/** The public home page at `/`. */
export function PortalHomePage() {
  const { t } = useI18n();
  const { hash } = useLocation();

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
        {SECTIONS.map((s) => (
          <Col xs={24} lg={12} key={s.id}>
            <Card
              id={s.id}
              title={<SectionTitle>{t(s.title)}</SectionTitle>}
              style={{ height: '100%', scrollMarginTop: 16 }}
            >
              <Typography.Paragraph type="secondary">{t(s.description)}</Typography.Paragraph>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={[]}
                scroll={{ x: 'max-content' }}
                columns={s.columns.map((c) => ({ key: c, title: t(c) }))}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(s.empty)} />,
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
