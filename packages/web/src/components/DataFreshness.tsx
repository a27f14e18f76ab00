/** The portal footer's data-freshness line, refreshed every 30 s (issue 17 §1). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useI18n } from '../hooks/use-i18n';
import { freshnessMessage } from './data-freshness';

/** 数据为实时数据 / 数据约 N 秒前同步 — nothing while unknown. */
export function DataFreshness() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['public', 'freshness'],
    queryFn: () => unwrap(api.GET('/api/public/freshness')),
    refetchInterval: 30_000,
  });
  if (q.data === undefined) {
    return null;
  }
  const m = freshnessMessage(q.data);
  return <span data-testid="data-freshness">{t(m.key, { n: m.n })}</span>;
}
