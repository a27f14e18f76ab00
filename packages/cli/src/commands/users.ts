/**
 * `ssj users bootstrap`: the first system administrator of a deployment started without demo data
 * (SSJ_DEMO=off), with a one-time password printed once and changed at the first login. Exit 0 on
 * success and for --help, 1 when refused (an administrator exists, bad values), 2 on usage errors.
 */
import { parseArgs } from 'node:util';
import process from 'node:process';
import { withDatabase } from './with-database';
import { bootstrapInputSchema, bootstrapSystemAdmin } from '@openssj/server';
import { USERS_USAGE } from './users-usage';

/** Run `ssj users ...`. */
export async function run(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (
    verb === '--help' ||
    verb === '-h' ||
    (verb === 'bootstrap' && (rest.includes('--help') || rest.includes('-h')))
  ) {
    process.stdout.write(USERS_USAGE);
    return 0;
  }
  if (verb !== 'bootstrap') {
    process.stderr.write(
      `ssj users: unknown or missing verb${verb === undefined ? '' : ` "${verb}"`}\n${USERS_USAGE}`,
    );
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        region: { type: 'string' },
        'region-name': { type: 'string' },
        department: { type: 'string' },
        'department-name': { type: 'string' },
        username: { type: 'string', default: 'sysadmin' },
        'display-name': { type: 'string', default: '系统管理员' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(
      `ssj users bootstrap: ${e instanceof Error ? e.message : String(e)}\n${USERS_USAGE}`,
    );
    return 2;
  }
  const input = bootstrapInputSchema.safeParse({
    username: values.username,
    displayName: values['display-name'],
    regionCode: values.region,
    regionName: values['region-name'],
    departmentCode: values.department ?? (values.region === undefined ? undefined : `${values.region}-SCJG`),
    departmentName: values['department-name'],
  });
  if (!input.success) {
    const lines = input.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    process.stderr.write(`参数无效 / invalid arguments:\n${lines.join('\n')}\n${USERS_USAGE}`);
    return 2;
  }
  return withDatabase(
    async (database, config) => {
      const res = await bootstrapSystemAdmin({ database, config, clock: () => new Date() }, input.data);
      if (!res.ok) {
        process.stderr.write(`${res.error.messageZh}\n${res.error.messageEn}\n`);
        return 1;
      }
      const r = res.value;
      process.stdout.write(
        [
          `已创建系统管理员 / system administrator created: ${r.username} (${r.departmentCode})`,
          `一次性密码 / one-time password (只显示这一次 / shown once): ${r.oneTimePassword}`,
          '首次登录后须修改密码 / it must be changed at the first login',
          '',
        ].join('\n'),
      );
      return 0;
    },
    { failCode: 1 },
  );
}
