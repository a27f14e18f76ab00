/**
 * 执法检查人员名录库: search and filter the department's inspectors, add and edit them,
 * switch them active / inactive, export, and the recusal declarations tab.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Input,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { InspectorView } from '../../api/library-types';
import { useCurrentUser } from '../../hooks/use-current-user';
import { LibraryHeader, LibraryTable, LIBRARY_PAGE_SIZE } from '../../components/LibraryList';
import { useI18n } from '../../hooks/use-i18n';
import { CertificateAlerts } from './inspectors/CertificateAlerts';
import { InspectorEditorDrawer } from './inspectors/InspectorEditorDrawer';
import { RecusalsPanel } from './inspectors/RecusalsPanel';
import { chinaToday } from '../../format/china-time';

interface Filters {
  q: string;
  expert: 'true' | 'false' | undefined;
  active: 'true' | 'false' | undefined;
  page: number;
}

function exportUrl(f: Filters, format: 'xlsx' | 'csv'): string {
  const p = new URLSearchParams({ format });
  for (const [k, v] of [
    ['q', f.q],
    ['expert', f.expert],
    ['active', f.active],
  ] as const) {
    if (v !== undefined && v !== '') {
      p.set(k, v);
    }
  }
  return `/api/inspectors/export?${p.toString()}`;
}

/** The inspector library page at /console/inspectors. */
export function InspectorsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canWrite = user.roles.some((r) => r === 'dept_admin' || r === 'system_admin');
  const [filters, setFilters] = useState<Filters>({ q: '', expert: undefined, active: undefined, page: 1 });
  const [editing, setEditing] = useState<InspectorView | null | undefined>(undefined);
  const today = chinaToday();

  const list = useQuery({
    queryKey: ['inspectors', filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/inspectors', {
          params: {
            query: {
              ...(filters.q !== '' ? { q: filters.q } : {}),
              ...(filters.expert !== undefined ? { expert: filters.expert } : {}),
              ...(filters.active !== undefined ? { active: filters.active } : {}),
              limit: LIBRARY_PAGE_SIZE,
              offset: (filters.page - 1) * LIBRARY_PAGE_SIZE,
            },
          },
        }),
      ),
  });
  const everyone = useQuery({
    queryKey: ['inspectors', 'all'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/inspectors', { params: { query: { limit: 500 } } }))).items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inspectors'] });
  const toggle = useMutation({
    mutationFn: (v: { id: string; active: boolean }) =>
      unwrap(
        api.PATCH('/api/inspectors/{id}', { params: { path: { id: v.id } }, body: { active: v.active } }),
      ),
    onSuccess: refresh,
  });

  const columns: TableColumnsType<InspectorView> = [
    {
      title: t('insp.id'),
      width: 170,
      render: (_, r) => (
        <Space size={4}>
          <span>{r.id}</span>
          {r.expert && <Tag color="purple">{t('insp.expert')}</Tag>}
        </Space>
      ),
    },
    { title: t('insp.name'), dataIndex: 'name', width: 100 },
    { title: t('insp.unit'), width: 150, render: (_, r) => r.unitCode ?? '-' },
    {
      title: t('insp.qualifications'),
      render: (_, r) =>
        r.qualifications.map((q) => {
          // the 行政执法证 reads the server's verdict (its today); others compare with the local day
          const cert = q.type === '行政执法证' && q.expiresOn === r.certificate.expiresOn;
          const expired = cert ? r.certificate.state === 'expired' : q.expiresOn < today;
          const expiring = cert && r.certificate.state === 'expiring';
          return (
            <Tag key={q.type} color={expired ? 'red' : expiring ? 'orange' : 'blue'}>
              {q.type} · {q.expiresOn}
              {expired ? ` ${t('insp.expired')}` : ''}
              {expiring ? ` ${t('insp.certDaysLeft', { n: r.certificate.daysLeft ?? 0 })}` : ''}
            </Tag>
          );
        }),
    },
    { title: t('insp.specialties'), render: (_, r) => r.specialties.join('、') },
    { title: t('insp.capacity'), width: 90, render: (_, r) => r.capacity ?? '-' },
    {
      title: t('insp.active'),
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          <Switch
            size="small"
            checked={r.active}
            disabled={!canWrite}
            aria-label={r.active ? t('insp.activeOn') : t('insp.activeOff')}
            loading={toggle.isPending && toggle.variables.id === r.id}
            onChange={(active) => toggle.mutate({ id: r.id, active })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.active ? (r.activeFrom ?? '') : (r.activeTo ?? '')}
          </Typography.Text>
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('lib.actions'),
            width: 80,
            render: (_: unknown, r: InspectorView) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {t('lib.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const people = (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          aria-label={t('lib.searchInspectors')}
          allowClear
          placeholder={t('lib.searchInspectors')}
          style={{ width: 240, maxWidth: '100%' }}
          onSearch={(q) => setFilters({ ...filters, q, page: 1 })}
        />
        <Select
          aria-label={t('insp.expert')}
          allowClear
          placeholder={t('insp.expert')}
          style={{ width: 110 }}
          value={filters.expert}
          onChange={(expert: Filters['expert']) => setFilters({ ...filters, expert, page: 1 })}
          options={[
            { value: 'true', label: t('insp.expert') },
            { value: 'false', label: t('insp.badgeNo') },
          ]}
        />
        <Select
          aria-label={t('insp.active')}
          allowClear
          placeholder={t('insp.active')}
          style={{ width: 110 }}
          value={filters.active}
          onChange={(active: Filters['active']) => setFilters({ ...filters, active, page: 1 })}
          options={[
            { value: 'true', label: t('insp.activeOn') },
            { value: 'false', label: t('insp.activeOff') },
          ]}
        />
      </Space>
      <LibraryTable<InspectorView>
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.isFetching}
        page={filters.page}
        onPage={(page) => setFilters({ ...filters, page })}
        scrollX={960}
      />
    </>
  );

  return (
    <Card>
      <LibraryHeader
        title={t('insp.title')}
        exportUrl={(format) => exportUrl(filters, format)}
        onCreate={canWrite ? () => setEditing(null) : null}
      />
      {user.roles.some((r) => r !== 'inspector') && <CertificateAlerts />}
      <Tabs
        items={[
          { key: 'people', label: t('insp.tab.people'), children: people },
          {
            key: 'recusals',
            label: t('insp.tab.recusals'),
            children: <RecusalsPanel inspectors={everyone.data ?? []} />,
          },
        ]}
      />
      <InspectorEditorDrawer
        open={editing !== undefined}
        inspector={editing ?? null}
        departmentCode={user.department.code}
        regionCode={user.department.regionCode}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void refresh();
        }}
      />
    </Card>
  );
}
