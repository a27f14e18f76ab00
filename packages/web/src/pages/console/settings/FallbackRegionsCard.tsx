/**
 * 相邻地区备用人员库 (issue 6, spec §5): the regions adjacent to one region, whose inspectors stand in
 * when the region has too few. The setting is symmetric, so the confirmation says which other regions
 * change too, and every region changed gets its own audit row. System admins edit; others read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { FallbackView, OrgRegion } from '../../../api/settings-types';
import { useI18n } from '../../../hooks/use-i18n';
import { adjacencyChanges, listedBy, regionName, regionOptions } from './region-settings';

/** The adjacent regions of `region`, and the overview of every configured adjacency. */
export function FallbackRegionsCard({
  region,
  regions,
  canEdit,
  onPick,
}: {
  readonly region: string;
  readonly regions: readonly OrgRegion[];
  readonly canEdit: boolean;
  /** Pick another region to edit (from the overview). */
  readonly onPick: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const view = useQuery({
    queryKey: ['cross-region', 'fallback', region],
    queryFn: () => unwrap(api.GET('/api/cross-region/fallback', { params: { query: { region } } })),
  });
  const all = useQuery({
    queryKey: ['cross-region', 'fallbacks'],
    queryFn: () => unwrap(api.GET('/api/cross-region/fallbacks')),
  });
  const [draft, setDraft] = useState<string[]>([]);
  useEffect(() => {
    if (view.data !== undefined) {
      setDraft(view.data.adjacent);
    }
  }, [view.data]);
  const save = useMutation({
    mutationFn: (adjacent: string[]) =>
      unwrap(api.PUT('/api/cross-region/fallback', { body: { regionCode: region, adjacent } })),
    onSuccess: async () => {
      void message.success(t('fb.saved'));
      await qc.invalidateQueries({ queryKey: ['cross-region'] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const name = (code: string) => regionName(regions, code);
  const names = (codes: readonly string[]) => codes.map(name).join('、');
  const before = view.data?.adjacent ?? [];
  const { added, removed } = adjacencyChanges(before, draft);
  const reverse = listedBy(all.data?.items ?? [], region).filter((c) => !before.includes(c));

  const onSave = () => {
    modal.confirm({
      title: t('fb.confirmTitle', { region: name(region) }),
      width: 520,
      content: (
        <Space direction="vertical" size={4} data-testid="fallback-changes">
          {added.length === 0 && removed.length === 0 && (
            <Typography.Text>{t('fb.confirmNoChange')}</Typography.Text>
          )}
          {added.length > 0 && (
            <Typography.Text>
              <Tag color="green">+</Tag>
              {t('fb.confirmAdded', { list: names(added), region: name(region) })}
            </Typography.Text>
          )}
          {removed.length > 0 && (
            <Typography.Text>
              <Tag color="red">−</Tag>
              {t('fb.confirmRemoved', { list: names(removed), region: name(region) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('fb.confirmAudit')}</Typography.Text>
        </Space>
      ),
      okText: t('fb.save'),
      onOk: () => save.mutateAsync(draft).catch(() => undefined),
    });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('fb.title', { region: name(region) })}
        loading={view.isLoading}
        data-testid="fallback-card"
      >
        <Alert type="info" showIcon message={t('fb.symmetric')} style={{ marginBottom: 12 }} />
        {view.isError && <Alert type="error" showIcon message={errorMessage(view.error, lang)} />}
        {!canEdit && (
          <Alert type="warning" showIcon message={t('fb.readonly')} style={{ marginBottom: 12 }} />
        )}
        <Typography.Text strong>{t('fb.adjacent')}</Typography.Text>
        <div style={{ margin: '8px 0 12px' }}>
          {canEdit ? (
            <Select
              mode="multiple"
              aria-label={t('fb.adjacent')}
              style={{ width: '100%' }}
              placeholder={t('fb.adjacentPlaceholder')}
              value={draft}
              onChange={(v: string[]) => setDraft(v)}
              options={regionOptions(regions.filter((r) => r.code !== region))}
              optionFilterProp="search"
              showSearch
              allowClear
            />
          ) : before.length === 0 ? (
            <Typography.Text type="secondary">{t('fb.none')}</Typography.Text>
          ) : (
            <Space wrap data-testid="fallback-adjacent">
              {before.map((c) => (
                <Tag key={c}>{name(c)}</Tag>
              ))}
            </Space>
          )}
        </div>
        {reverse.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('fb.reverse', { list: names(reverse) })}
          />
        )}
        {canEdit && (
          <Button type="primary" onClick={onSave} loading={save.isPending} disabled={view.data === undefined}>
            {t('fb.save')}
          </Button>
        )}
      </Card>
      <Card size="small" title={t('fb.overview')}>
        <Table<FallbackView>
          size="small"
          rowKey="regionCode"
          loading={all.isLoading}
          dataSource={all.data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fb.overviewEmpty')} />,
          }}
          data-testid="fallback-overview"
          columns={[
            {
              key: 'region',
              title: t('fb.overviewRegion'),
              render: (_, r) => (
                <Typography.Link onClick={() => onPick(r.regionCode)}>{name(r.regionCode)}</Typography.Link>
              ),
            },
            {
              key: 'adjacent',
              title: t('fb.overviewAdjacent'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.adjacent.map((c) => (
                    <Tag key={c}>{name(c)}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
