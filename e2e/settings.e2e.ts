/**
 * Journey (issue 6): the settings screens. The system admin makes 511623 (邻水) adjacent to 500112
 * (渝北) and sees it both ways; the 渝北 market-regulation admin has a bad weight refused with the
 * server's Chinese message, saves good criteria and sees the report follow; a 民政 admin reads both
 * read-only; the pages fit a phone. Every setting changed is put back at the end (the demo server
 * is shared with the other journeys).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';

/** Waits for the UI (the machine may be busy: page loads and lazy chunks take a while). */
const WAIT = { timeout: 15_000 };

async function login(page: Page, base: string, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('退出登录').first().waitFor({ state: 'attached' });
}

/** A JSON call with the page's session (cookie and CSRF token). */
async function call(page: Page, base: string, method: 'GET' | 'PUT' | 'DELETE', url: string, data?: unknown) {
  const me = await page.request.get(`${base}/api/auth/me`);
  const body: unknown = await me.json();
  const csrf =
    typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string'
      ? body.csrfToken
      : '';
  const res = await page.request.fetch(`${base}${url}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  const json: unknown = await res.json();
  return { status: res.status(), json };
}

/** A property of a reply, checked to be there. */
function field(v: unknown, key: string): unknown {
  const value: unknown =
    typeof v === 'object' && v !== null ? new Map<string, unknown>(Object.entries(v)).get(key) : undefined;
  if (value === undefined) {
    throw new Error(`no ${key} in ${JSON.stringify(v)}`);
  }
  return value;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : []);

async function noSideScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
}

describe('settings: adjacent regions and evaluation criteria (pglite)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let adjacentBefore: string[] | null = null;
  let criteriaBefore: { source: string; config: unknown } | null = null;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
    base = inject('pgliteUrl');
  });
  afterAll(async () => {
    // put back what this journey changed, whatever happened above
    if (adjacentBefore !== null) {
      await login(page, base, 'sysadmin');
      const r = await call(page, base, 'PUT', '/api/cross-region/fallback', {
        regionCode: '500112',
        adjacent: adjacentBefore,
      });
      expect(r.status).toBe(200);
    }
    if (criteriaBefore !== null) {
      await login(page, base, 'admin');
      const r =
        criteriaBefore.source === '500112'
          ? await call(page, base, 'PUT', '/api/evaluation/criteria', {
              regionCode: '500112',
              config: criteriaBefore.config,
            })
          : await call(page, base, 'DELETE', '/api/evaluation/criteria?region=500112');
      expect(r.status).toBe(200);
    }
    await browser.close();
  });

  it('system admin makes 邻水 adjacent to 渝北, both ways', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, base, 'sysadmin');
    const start = await call(page, base, 'GET', '/api/cross-region/fallback?region=500112');
    adjacentBefore = texts(field(start.json, 'adjacent'));
    if (adjacentBefore.includes('511623')) {
      // already adjacent (demo data may say so): take it out first, so that the screen adds it
      const without = adjacentBefore.filter((c) => c !== '511623');
      const r = await call(page, base, 'PUT', '/api/cross-region/fallback', {
        regionCode: '500112',
        adjacent: without,
      });
      expect(r.status).toBe(200);
    }

    await page.locator('.ant-menu').getByText('系统设置', { exact: true }).click();
    await page.waitForURL(/\/console\/settings/);
    await page.getByRole('tab', { name: '相邻地区备用人员库' }).click();
    await expect
      .poll(() => page.getByText('相邻关系是双向的', { exact: false }).count(), WAIT)
      .toBeGreaterThan(0);
    await expectAccessible(page, 'fallback settings');
    // pick 渝北 by typing part of its name
    const region = page.getByLabel('行政区划');
    await region.click();
    await region.fill('渝北');
    await page.locator('.ant-select-item-option').filter({ hasText: '渝北区（500112）' }).click();
    await expect.poll(() => page.getByText('渝北区（500112） 的相邻地区').count(), WAIT).toBeGreaterThan(0);
    // add 邻水 by its code
    const adjacent = page.getByLabel('相邻地区（备用人员库）');
    await adjacent.click();
    await adjacent.fill('511623');
    await page.locator('.ant-select-item-option').filter({ hasText: '邻水县（511623）' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('相邻地区（备用人员库）', { exact: true }).click(); // closes the dropdown
    await page.getByTestId('fallback-card').getByRole('button', { name: '保存' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect
      .poll(() => dialog.getByTestId('fallback-changes').textContent())
      .toContain('新增相邻：邻水县（511623）（对方也将把 渝北区（500112） 列为相邻地区）');
    expect(await dialog.textContent()).toContain('记入审计日志');
    await page.waitForTimeout(400); // the dialog zooms in
    await shot(page, 'settings-fallback-confirm');
    await expectAccessible(page, 'fallback confirmation');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('相邻地区已保存（双向生效）').count(), WAIT).toBeGreaterThan(0);
    const overview = page.getByTestId('fallback-overview');
    await expect.poll(() => overview.textContent(), WAIT).toContain('邻水县（511623）');

    // the other side: 邻水 now lists 渝北
    await overview.locator('a').filter({ hasText: '邻水县（511623）' }).click();
    await expect.poll(() => page.getByText('邻水县（511623） 的相邻地区').count(), WAIT).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('fallback-card').locator('.ant-select-selection-item').allTextContents())
      .toContain('渝北区（500112）');
    const other = await call(page, base, 'GET', '/api/cross-region/fallback?region=511623');
    expect(texts(field(other.json, 'adjacent'))).toContain('500112');
    const saved = await call(page, base, 'GET', '/api/cross-region/fallback?region=500112');
    expect(texts(field(saved.json, 'adjacent'))).toContain('511623');
    await shot(page, 'settings-fallback-saved');
    await expectAccessible(page, 'fallback saved');
    await noSideScroll(page);
    await expectAccessible(page, 'fallback settings (375 px)');
    await shot(page, 'settings-fallback-375');
  });

  it('region admin: a bad weight is refused in Chinese, a good one saved and the report follows', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, base, 'admin');
    const start = await call(page, base, 'GET', '/api/evaluation/criteria?region=500112');
    criteriaBefore = { source: text(field(start.json, 'source')), config: field(start.json, 'config') };

    // the server says the same thing as the editor, field by field
    const refused = await call(page, base, 'PUT', '/api/evaluation/criteria', {
      regionCode: '500112',
      config: { criteria: [{ key: 'jointShare', weight: 150, target: 0.22 }] },
    });
    expect(refused.status).toBe(400);
    const error = field(refused.json, 'error');
    expect(field(error, 'message')).toBe('考核指标配置无效');
    expect(JSON.stringify(field(error, 'details'))).toContain(
      '第 1 项「联合抽查占比」的权重须为 0 到 100 之间的数',
    );

    await page.locator('.ant-menu').getByText('考核与跨区设置', { exact: true }).click();
    await page.waitForURL(/\/console\/settings/);
    const year = page.getByLabel('报表年度');
    await year.fill('2026');
    await year.press('Enter');
    const card = page.getByTestId('criteria-card');
    const joint = card.getByLabel('联合抽查占比 权重');
    await joint.waitFor();
    await joint.fill('150');
    await card.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => card.getByText('第 3 项「联合抽查占比」的权重须为 0 到 100 之间的数').count())
      .toBeGreaterThan(0);
    await shot(page, 'settings-criteria-refused');
    await expectAccessible(page, 'criteria refused');

    await joint.fill('25');
    await card.getByLabel('事项覆盖 权重').fill('10');
    await expect.poll(() => card.getByTestId('criteria-sum').textContent(), WAIT).toBe('权重合计 100 分');
    await card.getByRole('button', { name: '保存' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect
      .poll(() => dialog.getByTestId('criteria-changes').textContent())
      .toContain('联合抽查占比：15 分 / 目标 22% → 25 分 / 目标 22%');
    // wait for the saving request itself, so a slow server is not mistaken for a missing message
    const put = page.waitForResponse(
      (r) => r.url().includes('/api/evaluation/criteria') && r.request().method() === 'PUT',
      WAIT,
    );
    await dialog.getByRole('button', { name: '保存' }).click();
    expect((await put).status()).toBe(200);
    await expect
      .poll(() => page.getByText('考核指标已保存，考核报表已更新').count(), WAIT)
      .toBeGreaterThan(0);
    await expect.poll(() => card.getByText('本地区设置').count(), WAIT).toBeGreaterThan(0);
    // the report below reloads under the new weights
    const table = page.getByTestId('evaluation-table');
    await expect.poll(() => table.locator('thead').textContent(), WAIT).toContain('联合抽查占比权重 25');
    const report = await call(page, base, 'GET', '/api/evaluation/report?region=500112&year=2026');
    const crit = field(field(report.json, 'config'), 'criteria');
    expect(crit).toEqual(expect.arrayContaining([{ key: 'jointShare', weight: 25, target: 0.22 }]));
    await shot(page, 'settings-criteria-saved');
    await expectAccessible(page, 'criteria saved');
    await noSideScroll(page);
    await expectAccessible(page, 'criteria (375 px)');
    await shot(page, 'settings-criteria-375');

    // back to the inherited criteria through the screen
    await page.setViewportSize({ width: 1280, height: 800 });
    if (criteriaBefore.source !== '500112') {
      await card.getByRole('button', { name: '恢复继承' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await expect.poll(() => page.getByText('已恢复继承的考核指标').count(), WAIT).toBeGreaterThan(0);
      await expect.poll(() => table.locator('thead').textContent(), WAIT).toContain('联合抽查占比权重 15');
    }
  });

  it('a 民政 admin reads both settings but may change neither', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, base, 'mz_admin');
    await page.goto(`${base}/console/settings?tab=evaluation&year=2026`);
    const card = page.getByTestId('criteria-card');
    await expect
      .poll(() =>
        card.getByText('仅本辖区市场监管部门管理员或系统管理员可修改考核指标', { exact: false }).count(),
      )
      .toBeGreaterThan(0);
    expect(await card.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await card.getByLabel('联合抽查占比 权重').isDisabled()).toBe(true);
    await page.getByRole('tab', { name: '相邻地区备用人员库' }).click();
    await expect
      .poll(() => page.getByText('仅系统管理员可配置相邻地区备用人员库', { exact: false }).count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('fallback-adjacent').textContent())
      .toContain('邻水县（511623）');
    expect(await page.getByTestId('fallback-card').getByRole('button', { name: '保存' }).count()).toBe(0);
    await shot(page, 'settings-readonly');
    await expectAccessible(page, 'settings read-only');
  });
});
