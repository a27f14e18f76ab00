/**
 * Progress of a task's running freeze, commit or draw: while `active`, polls
 * GET /api/tasks/{id}/draw-progress and shows the step and, while a frame streams through the
 * scanner, its lines against the frame's size. Scanning fills the bar to 80 %, the assignment to
 * 90 %, writing to 99 %; a freeze writes its frames first (to 40 %). When the server reports
 * nothing (another process answers the poll), the bar creeps on a time estimate instead.
 */
import { useQuery } from '@tanstack/react-query';
import { Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useI18n } from '../../../hooks/use-i18n';
import type { MessageKey } from '../../../i18n/types';
import { stratumName } from '../plans/workflow-labels';

type Report = Awaited<ReturnType<typeof fetchProgress>>;
type Step = NonNullable<Report['progress']>['step'];

function fetchProgress(taskId: string) {
  return unwrap(api.GET('/api/tasks/{id}/draw-progress', { params: { path: { id: taskId } } }));
}

const STEP_KEY: Readonly<Record<Step, MessageKey>> = {
  frames: 'wf.progress.frames',
  scan: 'wf.progress.scan',
  assign: 'wf.progress.assign',
  write: 'wf.progress.write',
};

/** The bar's percentage for a report: scan to 80 (a freeze's frames to 40 first), assign 90, write 99. */
export function progressPercent(p: NonNullable<Report['progress']>): number {
  const scanFrom = p.operation === 'freeze' ? 40 : 0;
  switch (p.step) {
    case 'frames':
      return 5;
    case 'scan': {
      const within = p.total !== null && p.total > 0 ? Math.min(1, p.lines / p.total) : 0.5;
      const share = (p.strataDone + within) / Math.max(1, p.strata);
      return Math.round(scanFrom + (80 - scanFrom) * share);
    }
    case 'assign':
      return 85;
    case 'write':
      return 95;
  }
}

export function DrawProgressBar(props: { readonly taskId: string; readonly active: boolean }) {
  const { t } = useI18n();
  const [estimate, setEstimate] = useState(0);
  const report = useQuery({
    queryKey: ['draw-progress', props.taskId],
    queryFn: () => fetchProgress(props.taskId),
    enabled: props.active,
    refetchInterval: props.active ? 400 : false,
    meta: { silent: true },
  });
  useEffect(() => {
    if (!props.active) {
      setEstimate(0);
      return undefined;
    }
    setEstimate(3);
    const timer = setInterval(
      () => setEstimate((p) => Math.min(95, p + Math.max(1, Math.round((95 - p) / 8)))),
      300,
    );
    return () => clearInterval(timer);
  }, [props.active]);
  if (!props.active) {
    return null;
  }
  const p = report.data?.progress ?? null;
  const percent = p === null ? estimate : progressPercent(p);
  const detail =
    p === null
      ? t('wf.progress.working')
      : p.step === 'scan' && p.stratum !== null
        ? t('wf.progress.scanLines', {
            stratum: stratumName(t, p.stratum),
            lines: p.lines.toLocaleString('zh-CN'),
            total: p.total === null ? '…' : p.total.toLocaleString('zh-CN'),
          })
        : t(STEP_KEY[p.step]);
  return (
    <div style={{ marginTop: 16 }} role="status" aria-live="polite">
      <Progress aria-label={t('progress.draw')} percent={percent} status="active" />
      <Typography.Text type="secondary">{detail}</Typography.Text>
    </div>
  );
}
