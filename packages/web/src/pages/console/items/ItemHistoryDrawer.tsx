/** The version history of an item as a timeline: each version's date, author, note, and what it said. */
import { formatRatioPercent } from '@openssj/core';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Grid, Spin, Tag, Timeline, Typography } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { ItemSummary } from '../../../api/library-types';
import { useI18n } from '../../../hooks/use-i18n';

/** Shows every version of `item` (null: closed). */
export function ItemHistoryDrawer({
  item,
  onClose,
}: {
  readonly item: ItemSummary | null;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const history = useQuery({
    queryKey: ['items', item?.id, 'versions'],
    enabled: item !== null,
    queryFn: async () =>
      (await unwrap(api.GET('/api/items/{id}/versions', { params: { path: { id: item?.id ?? '' } } }))).items,
  });
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      width={screens.md === true ? 560 : '100%'}
      title={t('items.historyTitle', { name: item?.name ?? '' })}
    >
      {history.isLoading ? (
        <Spin />
      ) : (
        <Timeline
          items={(history.data ?? []).map((v) => ({
            key: v.version,
            color: v.version === item?.version ? 'blue' : 'gray',
            children: (
              <>
                <Typography.Text strong>
                  {t('items.versionBy', { v: v.version, date: v.effectiveFrom, by: v.createdBy ?? '-' })}
                </Typography.Text>
                {v.changeNote !== null && <div>{v.changeNote}</div>}
                <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
                  <Descriptions.Item label={t('items.name')}>{v.name}</Descriptions.Item>
                  <Descriptions.Item label={t('items.priority')}>
                    <Tag color={v.priority === 'key' ? 'red' : 'default'}>
                      {t(`items.priority.${v.priority}`)}
                    </Tag>
                    {v.ratioCap !== null && formatRatioPercent(v.ratioCap)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('items.method')}>
                    {t(`items.method.${v.method}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('guide.form')}>
                    {v.guideline.form.map((f) => f.label).join('、')}
                  </Descriptions.Item>
                </Descriptions>
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
