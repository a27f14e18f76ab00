/**
 * What the library pages (items, inspectors) share: the title bar with the xlsx and csv exports
 * of the current filter and the create button, and the paged table with its total.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../hooks/use-i18n';

/** Rows a library page shows at a time. */
export const LIBRARY_PAGE_SIZE = 20;

/** The title, the two exports, and (for those who may write) 新建. */
export function LibraryHeader(props: {
  readonly title: string;
  readonly exportUrl: (format: 'xlsx' | 'csv') => string;
  readonly onCreate: (() => void) | null;
}) {
  const { t } = useI18n();
  return (
    <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={props.exportUrl('xlsx')}>
          {t('lib.exportXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={props.exportUrl('csv')}>
          {t('lib.exportCsv')}
        </Button>
        {props.onCreate !== null && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate}>
            {t('lib.create')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** One page of a library list, with 共 N 条 and page changes. */
export function LibraryTable<T extends { id: string }>(props: {
  readonly columns: TableColumnsType<T>;
  readonly rows: readonly T[] | undefined;
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly page: number;
  readonly onPage: (page: number) => void;
  /** The width the columns need; narrower screens scroll the table sideways. */
  readonly scrollX: number;
}) {
  const { t } = useI18n();
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={props.loading}
      columns={props.columns}
      dataSource={[...(props.rows ?? [])]}
      scroll={{ x: props.scrollX }}
      pagination={{
        current: props.page,
        pageSize: LIBRARY_PAGE_SIZE,
        total: props.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('lib.total', { n }),
        onChange: props.onPage,
      }}
    />
  );
}
