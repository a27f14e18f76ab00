/**
 * 抽查结果公示 (portal, no login): published results newest first, searched by USCC (a
 * business sees every published inspection of itself) or by name; keyset "load more".
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useI18n } from '../../hooks/use-i18n';

/** /results */
export function ResultsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const pages = useInfiniteQuery({
    queryKey: ['public-results', q],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/public/results', {
          params: {
            query: {
              ...(q === '' ? {} : { q }),
              ...(pageParam === '' ? {} : { cursor: pageParam }),
              limit: 20,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = pages.data?.pages[0];
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="ssj-portal-container" style={{ paddingTop: 24 }}>
      <Card title={t('results.title')}>
        <Input.Search
          allowClear
          enterButton
          aria-label={t('results.search')}
          placeholder={t('results.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() === '' ? {} : { q: v.trim() })}
          style={{ marginBottom: 16 }}
        />
        {first !== undefined && (
          <Typography.Text type="secondary">
            {first.totalExact
              ? t('results.total', { n: first.total })
              : t('results.totalMore', { n: first.total })}
          </Typography.Text>
        )}
        <List
          loading={pages.isLoading}
          locale={{ emptyText: <Empty description={t('portal.section.results.empty')} /> }}
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.id} extra={<Link to={`/results/${r.id}`}>{t('results.detail')}</Link>}>
              <List.Item.Meta
                title={<Link to={`/results/${r.id}`}>{r.targetName}</Link>}
                description={
                  <Space wrap size={[8, 4]}>
                    <span>{r.uscc}</span>
                    <span>{r.taskTitle}</span>
                    <span>{r.departmentName}</span>
                    {r.inspectedOn !== null && (
                      <span>
                        {t('results.inspectedOn')} {r.inspectedOn}
                      </span>
                    )}
                    {r.category !== null && (
                      <Tag color={r.category === '未发现问题' ? 'green' : 'orange'}>{r.category}</Tag>
                    )}
                    {r.appeal !== null && (
                      <Tag color="purple" data-testid="result-appeal">
                        {r.appeal}
                      </Tag>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
        {pages.hasNextPage && (
          <Button block loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('results.more')}
          </Button>
        )}
      </Card>
    </div>
  );
}
