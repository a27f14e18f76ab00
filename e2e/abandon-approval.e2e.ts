/**
 * Issue 13: abandoning a draw takes two people. On a task frozen and committed through the API,
 * the admin asks to abandon on the task page with a reason; the draw stays committed and the
 * request waits. The leader finds it on the tasks page (from the to-do list), rejects once without
 * a comment (refused by the disabled button), then approves; the draw shows 已作废 and its history
 * row opens on the request with both people and the comment. Axe runs on each page; the leader's pages fit 375 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { api, LONG, login, openTodo, see, uiLogin } from './support/journey';

describe('two-person abandonment', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it(
    'the admin asks with a reason, the leader approves from the to-do list, the draw is abandoned',
    { timeout: 240_000 },
    async () => {
      const base = inject('pgliteUrl');
      const admin = await login(base, 'admin');
      const leader = await login(base, 'leader');
      const items = await api<{ items: { id: string }[] }>(
        base,
        admin,
        'GET',
        '/api/items?published=true&department=500112-SCJG&limit=1',
      );
      const itemId = items.json.items[0]?.id ?? '';
      const year = new Date().getFullYear();
      const plan = await api<{ id: string }>(base, admin, 'POST', '/api/plans', {
        year,
        title: `${year} 年度作废审批演练计划`,
      });
      expect(plan.status).toBe(201);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const taskTitle = '作废审批演练任务';
      const task = await api<{ id: string }>(base, admin, 'POST', `/api/plans/${plan.json.id}/tasks`, {
        title: taskTitle,
        itemIds: [itemId],
        scope: { divisions: ['500112'] },
        strata: [{ name: 'all', tiers: null, ratio: '0.01' }],
        windowStart: today,
        windowEnd: later,
      });
      expect(task.status, JSON.stringify(task.json)).toBe(201);
      expect(
        (await api(base, admin, 'POST', `/api/plans/${plan.json.id}/actions`, { action: 'submit' })).status,
      ).toBe(200);
      expect(
        (await api(base, leader, 'POST', `/api/plans/${plan.json.id}/actions`, { action: 'approve' })).status,
      ).toBe(200);
      const draw = await api<{ id: string }>(base, admin, 'POST', `/api/tasks/${task.json.id}/draws`, {});
      expect(draw.status, JSON.stringify(draw.json)).toBe(201);
      expect(
        (await api(base, admin, 'POST', `/api/draws/${draw.json.id}/commit`, { seedSource: 'dice' })).status,
      ).toBe(200);

      // the admin asks
      const page = await browser.newPage();
      await uiLogin(browser, page, base, 'admin');
      await page.goto(`${base}/console/tasks/${task.json.id}`);
      await see(page, taskTitle);
      await page.getByRole('button', { name: '申请作废本次摇号' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: '作废理由' }).fill('掷骰见证人未到场，按规定作废并重新摇号');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      const pending = page.getByTestId('abandon-pending');
      await pending.waitFor({ state: 'visible', ...LONG });
      expect(await pending.textContent()).toMatch(/作废申请待审批（admin/);
      expect(await pending.textContent()).toMatch(/申请人本人不能审批/);
      await see(page, '已承诺'); // nothing changes until a second person decides
      await expectAccessible(page, 'task page, abandonment pending');
      await shot(page, 'abandon-1-pending');

      // the leader, on a phone, from the to-do list
      await page.setViewportSize({ width: 375, height: 800 });
      await uiLogin(browser, page, base, 'leader');
      await page.goto(`${base}/console`);
      await openTodo(page, 'abandons_to_approve');
      await page.waitForURL(/\/console\/tasks$/, LONG);
      await page.getByRole('link', { name: new RegExp(taskTitle) }).click();
      await see(page, taskTitle);
      await page.getByRole('button', { name: '驳回申请' }).click();
      const ok = page.getByRole('dialog').getByRole('button', { name: /确\s*定/ });
      expect(await ok.isDisabled()).toBe(true); // a rejection says why
      await page
        .locator('.ant-modal')
        .getByRole('button', { name: /取\s*消/ })
        .click();
      await page.getByRole('button', { name: '批准作废' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: '审批意见' }).fill('同意作废');
      await ok.click();
      await see(page, '已作废');
      // the draw's history row opens on who asked, who approved, and why
      await page.getByRole('button', { name: '展开行' }).first().click();
      await see(page, '作废申请记录');
      await see(page, '同意作废');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      // what sticks out, if anything: leaf elements past the phone's edge
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 376 && e.children.length === 0)
          .slice(0, 8)
          .map(
            (e) =>
              `${e.tagName}.${e.className.toString().slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent ?? '').slice(0, 50)}`,
          ),
      );
      expect(width, wide.join('\n')).toBeLessThanOrEqual(375);
      await expectAccessible(page, 'task page, abandonment approved');
      await shot(page, 'abandon-2-approved');
      const history = await api<{ status: string; decidedBy: string }[]>(
        base,
        leader,
        'GET',
        `/api/abandon-requests?drawId=${draw.json.id}`,
      );
      expect(history.json).toEqual([expect.objectContaining({ status: 'approved', decidedBy: 'leader' })]);
      await page.close();
    },
  );
});
