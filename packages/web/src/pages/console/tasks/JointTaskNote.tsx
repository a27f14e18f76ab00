/**
 * On a task page, the joint-task merger it belongs to (部门联合抽查, issue 6): a joint task shows the
 * tasks it was merged from and the visits the merger saves; a merged task points to its joint
 * task, which is drawn instead.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';

const READERS = ['dept_admin', 'leader', 'auditor', 'system_admin'];

/** The merger note of a task, or nothing when it took part in none. */
export function JointTaskNote({ taskId, year }: { readonly taskId: string; readonly year: number }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const proposals = useQuery({
    queryKey: ['joint', 'proposals', year],
    queryFn: () => unwrap(api.GET('/api/joint/proposals', { params: { query: { year } } })),
    enabled: me.roles.some((r) => READERS.includes(r)),
    meta: { silent: true },
  });
  const accepted = (proposals.data?.items ?? []).filter((p) => p.status === 'accepted');
  const made = accepted.find((p) => p.jointTaskId === taskId);
  if (made !== undefined) {
    const e = made.estimate;
    return (
      <Alert
        type="success"
        showIcon
        data-testid="joint-task-note"
        style={{ marginBottom: 12 }}
        title={t('joint.note.joint', {
          tasks: made.taskIds.map((id, i) => `${id}「${made.titles[i] ?? ''}」`).join(' + '),
          alone: e.alone,
          merged: e.merged,
          saved: e.saved,
        })}
      />
    );
  }
  const into = accepted.find((p) => p.taskIds.includes(taskId))?.jointTaskId ?? null;
  if (into !== null) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="joint-task-note"
        style={{ marginBottom: 12 }}
        title={t('joint.note.merged', { task: into })}
        action={<Link to={`/console/tasks/${into}`}>{t('joint.note.open')}</Link>}
      />
    );
  }
  return null;
}
