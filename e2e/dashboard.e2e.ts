/**
 * Journey (issue 6): the demo leader opens 统计分析, sees the charts, clicks the joint/single-task
 * pie and gets the list of tasks behind it; then the same page at 375 px. axe-core checks each view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';

describe('dashboard drill-down (pglite)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('leader opens 统计分析, clicks a chart and sees the records', async () => {
    const base = inject('pgliteUrl');
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('leader');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('退出登录').first().waitFor({ state: 'attached' });
    await page.locator('.ant-menu').getByText('统计分析', { exact: true }).click();
    await page.waitForURL(/\/console\/dashboard/);
    await expectAccessible(page, 'dashboard');
    // the year filter: the demo history is 2026
    const year = page.getByLabel('年度');
    await year.fill('2026');
    await year.press('Enter');
    const pie = page.getByRole('img', { name: '联合与单部门任务' });
    await pie.waitFor();
    await expect.poll(() => page.getByText('抽查任务').count()).toBeGreaterThan(0);
    await pie.locator('canvas').first().waitFor();
    await page.waitForTimeout(800); // the pie animates in
    await shot(page, 'dashboard-leader');
    await pie.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const box = await pie.boundingBox();
    if (box === null) {
      throw new Error('no chart box');
    }
    // a full pie: any point near the centre lies on a slice
    await page.mouse.click(box.x + box.width / 2 + 12, box.y + box.height / 2 - 12);
    await expect.poll(() => page.getByText(/^明细：/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const table = page.getByTestId('drill-table');
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await shot(page, 'dashboard-drill-down');
    await expectAccessible(page, 'dashboard drill-down');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(500);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(380);
    await expectAccessible(page, 'dashboard (375 px)');
    await shot(page, 'dashboard-375');
    await page.close();
  });
});
