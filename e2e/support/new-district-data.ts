/**
 * The data and helpers of the new-district journey (new-district.e2e.ts): the item list, the two
 * libraries and the accounts as the template's CSVs, the first login with a one-time password,
 * and an import on 数据导入.
 */
import { completeUscc } from '@openssj/core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './axe';
import { dropdown, iso, LONG, see } from './journey';
import { runSsj } from './server';

export const REGION = '500113';
export const DEPT = `${REGION}-SCJG`;
export const DEPT_NAME = '巴南区市场监督管理局';
/** The password every new account chooses at its first login. */
export const CHOSEN = 'Banan#2026ok';

export const csv = (rows: readonly (readonly string[])[]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

export const ITEM_NAME = '营业执照（登记证）规范使用情况的检查';
export const ITEMS = csv([
  ['部门', '事项编码', '事项名称', '事项类别', '抽查比例上限', '检查方式', '法律依据', '对象类型'],
  [DEPT, `${DEPT}-SX001`, ITEM_NAME, '一般', '30%', '实地核查', '《企业信息公示暂行条例》第十四条', '企业'],
]);

export const year = new Date().getUTCFullYear();
export const INSPECTORS = [
  { badge: `${REGION}20260001`, name: '周敏', user: 'zhoumin', expiry: `${year + 2}-12-31` },
  { badge: `${REGION}20260002`, name: '吴刚', user: 'wugang', expiry: `${year + 1}-06-30` },
  // expired two months ago: the draw must leave this one out
  {
    badge: `${REGION}20260003`,
    name: '郑磊',
    user: 'zhenglei',
    expiry: iso(new Date(Date.now() - 60 * 86_400_000)),
  },
] as const;
export const INSPECTOR_LIBRARY = csv([
  [
    '执法证号',
    '姓名',
    '部门',
    '所属单位',
    '行政区划代码',
    '执法资格',
    '执法资格有效期',
    '业务专长',
    '是否专家',
    '单次任务上限',
  ],
  ...INSPECTORS.map((i) => [
    i.badge,
    i.name,
    DEPT,
    '',
    REGION,
    '行政执法证',
    i.expiry,
    '市场监管',
    '否',
    '30',
  ]),
]);

/** Ten companies of the district, with valid GB 32100 codes. */
export const TARGETS = Array.from({ length: 10 }, (_, k) => ({
  uscc: completeUscc(`91${REGION}MAND${String(k).padStart(5, '0')}`) ?? '',
  name: `重庆巴南第${'一二三四五六七八九十'[k] ?? ''}商贸有限公司`,
}));
export const TARGET_LIBRARY = csv([
  [
    '统一社会信用代码',
    '对象编码',
    '名称',
    '对象类型',
    '行政区划代码',
    '地址',
    '行业代码',
    '法定代表人',
    '登记状态',
    '监管单位',
    '信用风险等级',
    '标签',
  ],
  ...TARGETS.map((t, k) => [
    t.uscc,
    '',
    t.name,
    '企业',
    REGION,
    `巴南区龙洲大道${k + 1}号`,
    '5211',
    '李华',
    '在营',
    '',
    'B',
    '',
  ]),
]);

export const ACCOUNTS = [
  ...INSPECTORS.slice(0, 2).map((i) => ({
    badge: i.badge,
    name: i.name,
    user: i.user,
    role: '执法检查人员',
  })),
  { badge: '', name: '陈建国', user: 'chenjg', role: '分管领导' },
] as const;
/** The department's administrator, made by hand before the libraries exist. */
export const ADMIN = { name: '刘晓燕', user: 'liuxy' } as const;
export const ACCOUNT_FILE = csv([
  ['执法证号', '姓名', '部门', '用户名', '角色'],
  ...ACCOUNTS.map((a) => [a.badge, a.name, DEPT_NAME, a.user, a.role]),
]);

/** First login with a one-time password: the app asks for a new password, then a fresh login. */
export async function firstLogin(page: Page, base: string, username: string, oneTime: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(oneTime);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/change-password/, LONG);
  await see(page, '请先设置只有您知道的新密码');
  await expectAccessible(page, `change password (${username})`);
  await page.getByLabel('当前密码').fill(oneTime);
  await page.getByLabel('新密码', { exact: true }).fill(CHOSEN);
  await page.getByLabel('确认新密码').fill(CHOSEN);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.waitForURL(/\/login/, LONG);
}

/** Upload a CSV on 数据导入 as the given kind and wait until it is written. */
export async function importFile(
  page: Page,
  base: string,
  kind: string,
  name: string,
  body: Buffer,
): Promise<void> {
  await page.goto(`${base}/console/imports`);
  await see(page, '下载导入模板');
  await page.locator('.ant-radio-button-wrapper', { hasText: kind }).click();
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
  const status = page.getByTestId('import-status');
  await expect.poll(() => status.textContent(), LONG).toMatch(/完成|错误|无法|取消/);
  const issues = (await page.getByTestId('import-issues').count()) > 0;
  expect(await status.textContent(), issues ? await page.getByTestId('import-issues').innerText() : '').toBe(
    '导入完成',
  );
  await expectAccessible(page, `import ${kind}`);
}

/** `ssj users bootstrap` for the new district, on the server's environment; returns the one-time password. */
export async function bootstrapDistrict(env: Readonly<Record<string, string>>): Promise<string> {
  const out = await runSsj(
    ['users', 'bootstrap', '--region', REGION, '--region-name', '巴南区', '--department-name', DEPT_NAME],
    env,
  );
  return /one-time password[^:]*:\s*(\S+)/.exec(out)?.[1] ?? '';
}

/** As the system administrator, create the department's administrator; returns its one-time password. */
export async function createDepartmentAdmin(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/console/users`);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(ADMIN.user);
  await dialog.getByLabel('姓名').fill(ADMIN.name);
  await dialog.getByLabel('所属部门').click();
  await dropdown(page).locator('.ant-select-item-option', { hasText: DEPT_NAME }).click();
  // the form proposes 执法检查人员: this account keeps the libraries and plans instead
  await dialog
    .locator('.ant-select-selection-item', { hasText: '执法检查人员' })
    .locator('.ant-select-selection-item-remove')
    .click();
  await dialog.getByLabel('角色').click();
  await dropdown(page).locator('.ant-select-item-option', { hasText: '部门管理员' }).click();
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'new user');
  await dialog.getByRole('button', { name: '保存' }).click();
  const otp = page.getByTestId('one-time-password');
  await otp.waitFor(LONG);
  return ((await otp.textContent()) ?? '').trim();
}
