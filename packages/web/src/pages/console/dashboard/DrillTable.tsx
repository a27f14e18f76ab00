/**
 * The records behind a clicked chart (issue 6: every chart drills down), paginated by the server.
 * Columns follow the record kind; every value comes as text.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { RecordsQuery } from '../../../api/oversight-types';
import { useI18n } from '../../../hooks/use-i18n';
import type { MessageKey } from '../../../i18n/types';
import { formatDateTime } from '../../../format/china-time';

/** What was clicked: a label and the records filter (the scope filters are added by the page). */
export interface Drill {
  readonly label: string;
  readonly query: Pick<RecordsQuery, 'kind'> &
    Partial<Omit<RecordsQuery, 'kind' | 'year' | 'region' | 'quarter' | 'page' | 'pageSize'>>;
}

/** Known columns, in display order, with their labels. */
const COLUMNS: readonly (readonly [string, MessageKey])[] = [
  ['id', 'dash.col.id'],
  ['task_id', 'dash.col.task_id'],
  ['task_title', 'dash.col.task_title'],
  ['title', 'dash.col.title'],
  ['lead_department_code', 'dash.col.lead_department_code'],
  ['department_code', 'dash.col.department_code'],
  ['target_id', 'dash.col.target_id'],
  ['target_name', 'dash.col.target_name'],
  ['status', 'dash.col.status'],
  ['inspectors', 'dash.col.inspectors'],
  ['visited_at', 'dash.col.visited_at'],
  ['categories', 'dash.col.categories'],
  ['window_start', 'dash.col.window_start'],
  ['window_end', 'dash.col.window_end'],
  ['departments', 'dash.col.departments'],
  ['joint', 'dash.col.joint'],
  ['results_published_at', 'dash.col.results_published_at'],
  ['inspections', 'dash.col.inspections'],
  ['kind', 'dash.col.kind'],
  ['deadline', 'dash.col.deadline'],
  ['closed_at', 'dash.col.closed_at'],
];
const HIDDEN_FOR: Readonly<Record<RecordsQuery['kind'], readonly string[]>> = {
  inspections: ['id'],
  tasks: [],
  followUps: ['id'],
};

function display(key: string, v: string | null): string {
  if (v === null) {
    return '—';
  }
  return key.endsWith('_at') && v.length > 10 ? formatDateTime(v) : v;
}

/** A paginated table of the records behind a chart. */
export function DrillTable({
  drill,
  scope,
  onClose,
}: {
  readonly drill: Drill;
  readonly scope: Pick<RecordsQuery, 'year' | 'region' | 'quarter' | 'department'>;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const query: RecordsQuery = { ...scope, ...drill.query, page, pageSize };
  const res = useQuery({
    queryKey: ['dashboard', 'records', query],
    queryFn: () => unwrap(api.GET('/api/dashboard/records', { params: { query } })),
  });
  const items = res.data?.items ?? [];
  const present = new Set(items.flatMap((i) => Object.keys(i)));
  const columns = COLUMNS.filter(([k]) => present.has(k) && !HIDDEN_FOR[drill.query.kind].includes(k)).map(
    ([k, label]) => ({
      key: k,
      dataIndex: k,
      title: t(label),
      render: (v: string | null) => display(k, v),
    }),
  );
  return (
    <Card
      size="small"
      title={t('dash.drill.title', { what: drill.label })}
      extra={
        <Button size="small" onClick={onClose}>
          {t('dash.drill.close')}
        </Button>
      }
      data-testid="drill-table"
    >
      <Table
        size="small"
        rowKey={(r) => r['id'] ?? JSON.stringify(r)}
        loading={res.isLoading}
        columns={columns}
        dataSource={items}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize,
          total: res.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('dash.drill.total', { n }),
        }}
      />
    </Card>
  );
}
