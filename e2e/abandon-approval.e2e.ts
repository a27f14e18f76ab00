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
import { api, committedTask, LONG, login, openTodo, see, uiLogin } from './support/journey';

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
      const taskTitle = '作废审批演练任务';
      const { taskId, drawId } = await committedTask(base, admin, leader, {
        planTitle: `${new Date().getFullYear()} 年度作废审批演练计划`,
        title: taskTitle,
        ratio: '0.01',
        seedSource: 'dice',
      });

      // the admin asks
      const page = await browser.newPage();
      await uiLogin(browser, page, base, 'admin');
      await page.goto(`${base}/console/tasks/${taskId}`);
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
        `/api/abandon-requests?drawId=${drawId}`,
      );
      expect(history.json).toEqual([expect.objectContaining({ status: 'approved', decidedBy: 'leader' })]);
      await page.close();
    },
  );
});
