/**
 * 待办事项: the work waiting for the signed-in user (GET /api/workbench/todos), each line with its
 * count and a link to the page where it is done; overdue and blocking work first, in red.
 */
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Empty, List, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useI18n } from '../hooks/use-i18n';
import { CONSOLE_PAGES, consolePath } from '../routes/console-nav';

const fetchTodos = () => unwrap(api.GET('/api/workbench/todos'));

type Todo = Awaited<ReturnType<typeof fetchTodos>>['items'][number];

// dark enough for white digits (WCAG AA contrast)
const TONE_COLOR = { error: '#a8071a', warning: '#ad4e00', info: '#1f5fbf' } as const;

/**
 * The to-do card of the workbench; `compact`: the same work as alerts above a page (an inspector's
 * 我的检查 on a phone), nothing when nothing waits, a link only where the work is on another page.
 */
export function TodoList({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const here = useLocation().pathname;
  const q = useQuery({ queryKey: ['workbench', 'todos'], queryFn: fetchTodos });
  const items: readonly Todo[] = q.data?.items ?? [];
  const labelOf = (item: Todo) =>
    item.kind === 'plans_to_approve' && item.year !== undefined
      ? t('todo.plans_to_approve.year', { year: item.year })
      : t(`todo.${item.kind}`);
  const pathOf = (item: Todo) => {
    const page = CONSOLE_PAGES.find((p) => p.id === item.page);
    return page === undefined ? null : consolePath(page.path);
  };
  if (compact) {
    return items.length === 0 ? null : (
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {items.map((item) => {
          const to = pathOf(item);
          return (
            <Alert
              key={item.kind}
              data-todo={item.kind}
              showIcon
              type={item.tone}
              title={`${labelOf(item)}：${item.count}`}
              action={
                to === null || to === here ? undefined : <Link to={to}>{t('workbench.todos.open')}</Link>
              }
            />
          );
        })}
      </Space>
    );
  }
  const list = (
    <List<Todo>
      loading={q.isLoading}
      dataSource={[...items]}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.todos.none')} />,
      }}
      renderItem={(item) => {
        const to = pathOf(item);
        const label = labelOf(item);
        return (
          <List.Item
            data-todo={item.kind}
            actions={
              to === null
                ? []
                : [
                    <Link key="open" to={to} aria-label={`${t('workbench.todos.open')}：${label}`}>
                      {t('workbench.todos.open')} <RightOutlined />
                    </Link>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={
                <Badge
                  count={item.count}
                  overflowCount={9999}
                  color={TONE_COLOR[item.tone]}
                  showZero={false}
                />
              }
              title={<Typography.Text>{label}</Typography.Text>}
            />
          </List.Item>
        );
      }}
    />
  );
  return <Card title={t('workbench.todos')}>{list}</Card>;
}
