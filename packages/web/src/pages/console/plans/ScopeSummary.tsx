/**
 * A task's target scope for people (issue 11: it was shown as raw JSON): one line per criterion
 * that narrows it — districts and industries by code and name, tags, types, registration statuses
 * and the claiming departments by name; an empty criterion is not shown.
 */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { TaskDetail } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { useDepartmentName } from '../../../hooks/use-org';

/** The scope as the task reply carries it (generated from the OpenAPI document). */
export type TaskScope = TaskDetail['task']['scope'];

export function ScopeSummary(props: { readonly scope: TaskScope }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  // the same list the task form picks from (cached): it names the districts and industries
  const options = useQuery({
    queryKey: ['scope-options'],
    queryFn: () => unwrap(api.GET('/api/tasks/scope-options')),
    meta: { silent: true },
  });
  const named = (list: readonly { code: string; name: string }[] | undefined, code: string) => {
    const name = list?.find((x) => x.code === code)?.name;
    return name === undefined ? code : `${code} ${name}`;
  };
  const s = props.scope;
  const lines: [string, readonly string[]][] = [
    [t('wf.scope.divisions'), s.divisions.map((c) => named(options.data?.divisions, c))],
    [t('wf.scope.industries'), s.industries.map((c) => named(options.data?.industries, c))],
    [t('wf.scope.tags'), s.tags],
    [t('wf.scope.types'), s.types],
    [t('wf.scope.statuses'), s.statuses],
    [t('wf.scope.claimedBy'), s.claimedBy.map((c) => deptName(c))],
  ];
  const shown = lines.filter(([, values]) => values.length > 0);
  if (shown.length === 0) {
    return <Typography.Text>{t('wf.scope.everything')}</Typography.Text>;
  }
  return (
    <div data-testid="task-scope">
      {shown.map(([label, values]) => (
        <div key={label}>
          <Typography.Text type="secondary">{label}：</Typography.Text>
          {values.join('、')}
        </div>
      ))}
    </div>
  );
}
