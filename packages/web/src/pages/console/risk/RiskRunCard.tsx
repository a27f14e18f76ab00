/**
 * "Score all" for a region (issue 6): starts a background run, polls its progress for the bar,
 * and can cancel it; shows the last run's outcome.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { RiskRun } from '../../../api/risk-types';
import { useI18n } from '../../../hooks/use-i18n';
import { formatDateTime } from '../../../format/china-time';

const STATUS_COLORS: Readonly<Record<RiskRun['status'], string>> = {
  running: 'processing',
  done: 'success',
  cancelled: 'default',
  failed: 'error',
};

/** The scoring card of a region. */
export function RiskRunCard({ region, canRun }: { readonly region: string; readonly canRun: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: ['risk', 'runs', region],
    queryFn: () => unwrap(api.GET('/api/risk/runs', { params: { query: { region } } })),
    // poll while a run is going, for the progress bar
    refetchInterval: (q) => (q.state.data?.items[0]?.status === 'running' ? 1000 : false),
  });
  const last = runs.data?.items[0];
  const refreshAll = () => void qc.invalidateQueries({ queryKey: ['risk'] });
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/risk/runs', { body: { regionCode: region } })),
    onSuccess: refreshAll,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/risk/runs/{id}/cancel', { params: { path: { id } } })),
    onSuccess: refreshAll,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const running = last?.status === 'running';
  return (
    <Card size="small" title={t('risk.run')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {canRun && (
          <Space>
            <Button
              type="primary"
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={running}
              data-testid="risk-run-start"
            >
              {t('risk.run.start')}
            </Button>
            {running && last !== undefined && (
              <Popconfirm title={t('risk.run.cancel')} onConfirm={() => cancel.mutate(last.id)}>
                <Button danger loading={cancel.isPending}>
                  {t('risk.run.cancel')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {last === undefined ? (
          <Typography.Text type="secondary">{t('risk.run.none')}</Typography.Text>
        ) : (
          <>
            <Space wrap>
              <Tag color={STATUS_COLORS[last.status]}>{t(`risk.run.status.${last.status}`)}</Tag>
              <Typography.Text type="secondary">
                {t('risk.run.last', { at: formatDateTime(last.startedAt, true), asOf: last.asOf })}
              </Typography.Text>
            </Space>
            <Progress
              aria-label={t('progress.scoring')}
              percent={Math.round(last.fraction * 1000) / 10}
              status={
                last.status === 'running'
                  ? 'active'
                  : last.status === 'failed'
                    ? 'exception'
                    : last.status === 'done'
                      ? 'success'
                      : 'normal'
              }
              data-testid="risk-run-progress"
            />
            <Typography.Text>
              {t('risk.run.progress', {
                processed: last.processed.toLocaleString(),
                total: last.total.toLocaleString(),
              })}
            </Typography.Text>
            {last.error !== null && <Typography.Text type="danger">{last.error}</Typography.Text>}
          </>
        )}
      </Space>
    </Card>
  );
}
