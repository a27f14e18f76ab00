/**
 * Journey (issue 11): the administration pages and the portal as a district meets them on day one.
 * The system admin creates an account (one-time password, which logs in), imports accounts for the
 * inspector library, adds a supervising unit, and checks the audit trail's chain and search; the
 * portal home lists the latest entries; at 375 px /plans and /draws fit the screen and show names,
 * not codes. Every page visited passes axe with no critical or serious violation.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';

const PASSWORD = 'Ssj@demo2026';

async function login(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.context().clearCookies(); // one browser for all tests: start each without a session
  await page.goto(`${baseUrl}/login`);
  await expectAccessible(page, 'login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('退出登录').first().waitFor({ state: 'attached' });
}

describe.each([
  ['pglite', () => inject('pgliteUrl')],
  ['postgres', () => inject('postgresUrl')],
] as const)('administration pages and the portal (%s)', (engine, baseUrl) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the system admin manages accounts, the organisation and reads the audit trail', async () => {
    const page = await browser.newPage();
    await login(page, baseUrl(), 'sysadmin');

    await page.goto(`${baseUrl()}/console/users`);
    await expectAccessible(page, 'users');
    expect(await page.getByText('功能建设中').count()).toBe(0);
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(`e2e${engine}`);
    await dialog.getByLabel('姓名').fill('测试新人');
    await dialog.getByLabel('所属部门').click();
    await page.keyboard.type('渝北区市场监督管理局');
    await page.keyboard.press('Enter');
    await expectAccessible(page, 'user form');
    await dialog.getByRole('button', { name: '保存' }).click();
    const otp = page.getByTestId('one-time-password');
    await otp.waitFor();
    const password = (await otp.textContent()) ?? '';
    expect(password).toHaveLength(14);
    await expectAccessible(page, 'one-time password');
    await shot(page, `admin-${engine}-one-time-password`);
    await page.getByRole('button', { name: 'OK' }).click();

    // bulk import for the inspector library: one bad row rejects the file, naming row and column
    await page.getByRole('button', { name: '批量导入账号' }).click();
    const file = path.join(os.tmpdir(), `ssj-accounts-${engine}-${Date.now()}.csv`);
    writeFileSync(
      file,
      `\uFEFF执法证号,姓名,部门,用户名,角色\r\n,王领导,渝北区市场监督管理局,wangld${engine},分管领导\r\n,某人,渝北区市场监督管理局,X,厨师\r\n`,
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件并导入' }).click();
    await (await chooser).setFiles(file);
    await expect.poll(() => page.getByText('未导入任何账号').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: '用户名' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'import errors');
    writeFileSync(
      file,
      `\uFEFF执法证号,姓名,部门,用户名,角色\r\n,王领导,渝北区市场监督管理局,wangld${engine},分管领导\r\n`,
    );
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件并导入' }).click();
    await (await chooser2).setFiles(file);
    await expect.poll(() => page.getByText('已导入 1 个账号').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'import done');
    await shot(page, `admin-${engine}-account-import`);
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl()}/console/org`);
    await expectAccessible(page, 'org');
    await page.getByRole('tab', { name: '监管所 / 科室' }).click();
    await expect.poll(() => page.getByText('市场监管所').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'org units');
    await shot(page, `admin-${engine}-org`);

    await page.goto(`${baseUrl()}/console/audit`);
    await expect.poll(() => page.getByTestId('audit-chain').textContent()).toContain('哈希链完整');
    await expectAccessible(page, 'audit');
    await page.getByLabel('操作人').fill('sysadmin');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '新建用户' }).count()).toBeGreaterThan(0);
    const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href');
    expect(href).toContain('actor=sysadmin');
    await shot(page, `admin-${engine}-audit`);
    await page.getByText('退出登录').first().click();
    await page.waitForURL(/\/login/);

    // the new account's one-time password logs in
    await page.getByLabel('用户名').fill(`e2e${engine}`);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.close();
  });

  it('the auditor reads the audit trail', async () => {
    const page = await browser.newPage();
    await login(page, baseUrl(), 'auditor');
    await page.goto(`${baseUrl()}/console/audit`);
    await expect.poll(() => page.getByTestId('audit-chain').textContent()).toContain('哈希链完整');
    await expectAccessible(page, 'audit as auditor');
    await page.close();
  });

  it('the portal lists the latest entries and fits 375 px with names, not codes', async () => {
    const page = await browser.newPage({ width: 375, height: 800 });
    await page.goto(`${baseUrl()}/`);
    await expectAccessible(page, 'portal home');
    for (const id of ['items', 'plans', 'results', 'draws']) {
      await expect.poll(() => page.locator(`#${id} .ant-table-row`).count()).toBeGreaterThan(0);
    }
    expect(await page.getByText('暂无').count()).toBe(0);
    await shot(page, `portal-home-375-${engine}`);
    for (const p of ['/plans', '/draws', '/items', '/results']) {
      await page.goto(`${baseUrl()}${p}`);
      await expectAccessible(page, p);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${p} is ${width}px wide`).toBeLessThanOrEqual(375);
      const text = (await page.locator('main').textContent()) ?? '';
      // a department code such as 500112-SCJG (item codes like 500000-SCJG-SX001 are the items' own codes)
      expect(text, `${p} shows a department code`).not.toMatch(/\d{6}-[A-Z]{2,}(?![-A-Z0-9])/);
      expect(text).not.toMatch(/\ball \d|DEREGISTERED|CAP_REACHED/);
      await shot(page, `portal${p.replace('/', '-')}-375-${engine}`);
    }
    await page.close();
  });
});
