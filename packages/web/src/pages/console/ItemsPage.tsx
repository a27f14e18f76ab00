/**
 * 抽查事项清单: the department's item list with filters, publish toggles, export, the
 * create / revise drawer (with the guideline's checklist editor) and the version history.
 */
import { HistoryOutlined } from '@ant-design/icons';
import { formatRatioPercent, INSPECTION_METHODS } from '@openssj/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Switch, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ItemSummary, ItemView } from '../../api/library-types';
import { useCurrentUser } from '../../hooks/use-current-user';
import { LibraryHeader, LibraryTable, LIBRARY_PAGE_SIZE } from '../../components/LibraryList';
import { useI18n } from '../../hooks/use-i18n';
import { ItemEditorDrawer } from './items/ItemEditorDrawer';
import { ItemHistoryDrawer } from './items/ItemHistoryDrawer';
import { chinaToday } from '../../format/china-time';

interface Filters {
  q: string;
  priority: 'key' | 'general' | undefined;
  method: (typeof INSPECTION_METHODS)[number] | undefined;
  published: 'true' | 'false' | undefined;
  page: number;
}

function exportUrl(f: Filters, format: 'xlsx' | 'csv'): string {
  const p = new URLSearchParams({ format });
  for (const [k, v] of [
    ['q', f.q],
    ['priority', f.priority],
    ['method', f.method],
    ['published', f.published],
  ] as const) {
    if (v !== undefined && v !== '') {
      p.set(k, v);
    }
  }
  return `/api/items/export?${p.toString()}`;
}

/** The item list page at /console/items. */
export function ItemsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canWrite = user.roles.includes('dept_admin');
  const [filters, setFilters] = useState<Filters>({
    q: '',
    priority: undefined,
    method: undefined,
    published: undefined,
    page: 1,
  });
  const [editing, setEditing] = useState<ItemView | null | undefined>(undefined);
  const [history, setHistory] = useState<ItemSummary | null>(null);
  const today = chinaToday();

  const list = useQuery({
    queryKey: ['items', 'list', filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/items', {
          params: {
            query: {
              ...(filters.q !== '' ? { q: filters.q } : {}),
              ...(filters.priority !== undefined ? { priority: filters.priority } : {}),
              ...(filters.method !== undefined ? { method: filters.method } : {}),
              ...(filters.published !== undefined ? { published: filters.published } : {}),
              limit: LIBRARY_PAGE_SIZE,
              offset: (filters.page - 1) * LIBRARY_PAGE_SIZE,
            },
          },
        }),
      ),
  });
  const cap = useQuery({
    queryKey: ['items', 'ratio-cap'],
    queryFn: () => unwrap(api.GET('/api/item-settings/ratio-cap', {})),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['items'] });
  const publish = useMutation({
    mutationFn: (v: { id: string; published: boolean }) =>
      unwrap(
        api.PUT('/api/items/{id}/published', {
          params: { path: { id: v.id } },
          body: { published: v.published },
        }),
      ),
    onSuccess: refresh,
  });
  const openEditor = async (id: string) =>
    setEditing(await unwrap(api.GET('/api/items/{id}', { params: { path: { id } } })));

  const columns: TableColumnsType<ItemSummary> = [
    { title: t('items.code'), dataIndex: 'code', width: 150 },
    { title: t('items.name'), dataIndex: 'name', width: 280, ellipsis: true },
    {
      title: t('items.priority'),
      width: 120,
      render: (_, r) => (
        <Space size={4}>
          <Tag color={r.priority === 'key' ? 'red' : 'default'}>{t(`items.priority.${r.priority}`)}</Tag>
          {r.ratioCap !== null && <span>≤{formatRatioPercent(r.ratioCap)}</span>}
        </Space>
      ),
    },
    { title: t('items.method'), width: 100, render: (_, r) => t(`items.method.${r.method}`) },
    { title: t('items.version'), width: 110, render: (_, r) => `v${r.version} · ${r.effectiveFrom}` },
    {
      title: t('items.published'),
      width: 80,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.published}
          disabled={!canWrite}
          loading={publish.isPending && publish.variables.id === r.id}
          aria-label={r.published ? t('items.publishedOn') : t('items.publishedOff')}
          onChange={(published) => publish.mutate({ id: r.id, published })}
        />
      ),
    },
    {
      title: t('lib.actions'),
      width: 140,
      render: (_, r) => (
        <Space size={0}>
          {canWrite && (
            <Button type="link" size="small" onClick={() => void openEditor(r.id)}>
              {t('lib.edit')}
            </Button>
          )}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r)}>
            {t('items.history')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <LibraryHeader
        title={t('items.title')}
        exportUrl={(format) => exportUrl(filters, format)}
        onCreate={canWrite ? () => setEditing(null) : null}
      />
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          aria-label={t('lib.searchItems')}
          allowClear
          placeholder={t('lib.searchItems')}
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(q) => setFilters({ ...filters, q, page: 1 })}
        />
        <Select
          aria-label={t('items.priority')}
          allowClear
          placeholder={t('items.priority')}
          style={{ width: 120 }}
          value={filters.priority}
          onChange={(priority: Filters['priority']) => setFilters({ ...filters, priority, page: 1 })}
          options={(['key', 'general'] as const).map((p) => ({ value: p, label: t(`items.priority.${p}`) }))}
        />
        <Select
          aria-label={t('items.method')}
          allowClear
          placeholder={t('items.method')}
          style={{ width: 130 }}
          value={filters.method}
          onChange={(method: Filters['method']) => setFilters({ ...filters, method, page: 1 })}
          options={INSPECTION_METHODS.map((m) => ({ value: m, label: t(`items.method.${m}`) }))}
        />
        <Select
          aria-label={t('items.published')}
          allowClear
          placeholder={t('items.published')}
          style={{ width: 120 }}
          value={filters.published}
          onChange={(published: Filters['published']) => setFilters({ ...filters, published, page: 1 })}
          options={[
            { value: 'true', label: t('items.publishedOn') },
            { value: 'false', label: t('items.publishedOff') },
          ]}
        />
      </Space>
      <LibraryTable<ItemSummary>
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.isFetching}
        page={filters.page}
        onPage={(page) => setFilters({ ...filters, page })}
        scrollX={1060}
      />
      <ItemEditorDrawer
        open={editing !== undefined}
        item={editing ?? null}
        departmentCode={user.department.code}
        defaultCap={cap.data?.defaultRatioCap ?? '0.1'}
        today={today}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void refresh();
        }}
      />
      <ItemHistoryDrawer item={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
