/** 抽查事项清单公示 (/items): published items of every department, searchable, each with its guideline and checklist. */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useI18n } from '../../hooks/use-i18n';
import { ChecklistPreview } from '../console/items/ChecklistPreview';

const PAGE = 20;

/** The public item list. */
export function PortalItemsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['public', 'items', q, department, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/public/items', {
          params: {
            query: {
              ...(q === '' ? {} : { q }),
              ...(department === undefined ? {} : { department }),
              limit: PAGE,
              offset: (page - 1) * PAGE,
            },
          },
        }),
      ),
  });
  const overview = useQuery({
    queryKey: ['public', 'overview'],
    queryFn: () => unwrap(api.GET('/api/public/items', { params: { query: { limit: 500 } } })),
  });
  const departments = [
    ...new Map((overview.data?.items ?? []).map((i) => [i.departmentCode, i.departmentName])).entries(),
  ];
  const detail = useQuery({
    queryKey: ['public', 'item', open],
    enabled: open !== null,
    queryFn: () => unwrap(api.GET('/api/public/items/{id}', { params: { path: { id: open ?? '' } } })),
  });
  return (
    <div style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px' }}>
      <Card title={t('portal.section.items')}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('portal.items.search')}
            placeholder={t('portal.items.search')}
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            aria-label={t('portal.col.department')}
            style={{ width: 260 }}
            placeholder={t('portal.items.allDepartments')}
            value={department}
            onChange={(v: string | undefined) => {
              setDepartment(v);
              setPage(1);
            }}
            options={departments.map(([code, name]) => ({ value: code, label: name }))}
          />
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('items.code'), dataIndex: 'code', width: 180 },
            { title: t('portal.col.itemName'), dataIndex: 'name' },
            { title: t('portal.col.department'), dataIndex: 'departmentName', width: 200 },
            {
              title: t('portal.col.itemPriority'),
              width: 90,
              render: (_, r) => (
                <Tag color={r.priority === 'key' ? 'red' : 'blue'}>{t(`items.priority.${r.priority}`)}</Tag>
              ),
            },
            { title: t('portal.col.method'), width: 100, render: (_, r) => t(`items.method.${r.method}`) },
            {
              title: t('items.ratioCap'),
              width: 110,
              render: (_, r) =>
                r.ratioCap === null ? '—' : `${(Number(r.ratioCap) * 100).toFixed(2).replace(/\.?0+$/, '')}%`,
            },
          ]}
        />
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width={Math.min(720, window.innerWidth)}
        title={detail.data?.name ?? ''}
        loading={detail.isLoading}
      >
        {detail.data !== undefined && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('items.code')}>{detail.data.code}</Descriptions.Item>
              <Descriptions.Item label={t('portal.col.department')}>
                {detail.data.departmentName}
              </Descriptions.Item>
              <Descriptions.Item label={t('items.legalBasis')}>
                {detail.data.legalBasis}
                {detail.data.legalRefs.length > 0 && <div>{detail.data.legalRefs.join('；')}</div>}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('portal.items.guideline')}
            </Typography.Title>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('guide.whatToCheck')}>
                {detail.data.guideline.whatToCheck}
              </Descriptions.Item>
              <Descriptions.Item label={t('guide.how')}>{detail.data.guideline.how}</Descriptions.Item>
              <Descriptions.Item label={t('guide.legalBasis')}>
                {detail.data.guideline.legalBasis}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('guide.form')}
            </Typography.Title>
            <ChecklistPreview form={detail.data.guideline.form} />
          </>
        )}
      </Drawer>
    </div>
  );
}
