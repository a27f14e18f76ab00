/**
 * Journey (issue 6, "Done when"): with the demo data, `admin` (渝北 市场监管) opens 联合抽查建议,
 * sees the year-end elderly-care tasks of 市场监管 and 民政 suggested for merging with the visits
 * saved, and proposes the merger; `mz_admin` (民政) accepts it; the joint task is created and shows
 * as joint, with the visits saved per merger and in total. Screenshots `joint-<engine>-<n>-<step>`.
 * The journey merges only the demo's joint opportunity (packages/server/src/demo/joint.demo.ts),
 * which no other journey uses.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { api, LONG, login, uiLogin } from './support/journey';

/** The demo's two tasks (joint.demo.ts). */
const SCJG_TASK = '2026 年岁末年初养老和培训机构食堂食品安全抽查';
const MZ_TASK = '2026 年岁末年初养老机构服务安全检查';

interface Suggestion {
  readonly taskIds: string[];
  readonly titles: string[];
  readonly estimate: { alone: number; merged: number; saved: number; commonTargets: number };
}

/** The demo suggestion as the API gives it to `admin`, to check the screen against. */
async function demoSuggestion(base: string): Promise<Suggestion> {
  const r = await api<{ items: Suggestion[] }>(
    base,
    await login(base, 'admin'),
    'GET',
    '/api/joint/suggestions?year=2026',
  );
  expect(r.status).toBe(200);
  const body = r.json;
  const found = body.items.find((s) => s.titles.includes(SCJG_TASK) && s.titles.includes(MZ_TASK));
  if (found === undefined) {
    throw new Error(`the demo suggestion is missing: ${JSON.stringify(body.items.map((s) => s.titles))}`);
  }
  return found;
}

/** Wait until no table or figure on the page is loading. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), LONG).toBe(0);
}

/** Open 联合抽查与考核 from the menu, on the joint tab for 2026. */
async function openJointTab(page: Page): Promise<void> {
  await page.locator('.ant-menu').getByText('联合抽查与考核', { exact: true }).click();
  await page.waitForURL(/\/console\/dashboard/, LONG);
  const year = page.getByLabel('年度');
  await year.fill('2026');
  await year.press('Enter');
  await page.getByRole('tab', { name: '联合抽查建议' }).click();
  await page.getByText('建议合并的任务（进一次门、查多项事）').waitFor(LONG);
  await settled(page);
}

describe.each([
  ['pglite', () => inject('pgliteUrl')],
  ['postgres', () => inject('postgresUrl')],
] as const)('an admin accepts a suggested joint task (%s)', (engine, baseUrl) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it(
    'admin proposes, 民政 accepts, the joint task shows the visits saved',
    { timeout: 240_000 },
    async () => {
      const base = baseUrl();
      const sug = await demoSuggestion(base);
      const { alone, merged, saved } = sug.estimate;
      expect(saved).toBeGreaterThan(0);
      const savedText = `${alone} → ${merged}（减少 ${saved} 户次）`;
      const page = await browser.newPage();

      // 1. admin sees the suggestion with the visits saved, and proposes it
      await uiLogin(browser, page, base, 'admin');
      await openJointTab(page);
      const row = page.getByTestId('joint-suggestions').locator('tr', { hasText: SCJG_TASK });
      await row.waitFor(LONG);
      await expect.poll(() => row.textContent()).toContain(MZ_TASK);
      expect(await row.textContent()).toContain(savedText);
      expect(await row.textContent()).toContain('渝北区民政局');
      await shot(page, `joint-${engine}-1-suggestion`);
      await expectAccessible(page, 'joint suggestions');
      await row.getByRole('button', { name: '提议合并' }).click();
      // wait for the proposal request itself, not only its brief toast (a slow PGlite server once
      // outlasted the toast), then for the lasting state of the row
      const proposed = page.waitForResponse(
        (r) => r.url().endsWith('/api/joint/proposals') && r.request().method() === 'POST',
        LONG,
      );
      await page.getByRole('button', { name: '确认提议合并' }).click(); // issue 11: the confirmation step
      expect((await proposed).status()).toBe(201);
      await row.getByText('已提议').waitFor(LONG);
      const proposal = page.getByTestId('joint-proposals').locator('tr', { hasText: SCJG_TASK });
      await proposal.getByText('等待其他部门确认').waitFor(LONG);
      await shot(page, `joint-${engine}-2-proposed`);

      // 2. 民政's admin sees the proposal and accepts: the joint task is created
      await uiLogin(browser, page, base, 'mz_admin');
      await openJointTab(page);
      const mzRow = page.getByTestId('joint-proposals').locator('tr', { hasText: MZ_TASK });
      await mzRow.waitFor(LONG);
      expect(await mzRow.textContent()).toContain(savedText);
      await settled(page);
      await shot(page, `joint-${engine}-3-to-accept`);
      await expectAccessible(page, 'proposal to accept');
      await mzRow.getByRole('button', { name: '同意', exact: true }).click();
      const created = page.getByText(/各部门均已同意，已生成联合抽查任务 T-2026-\d{4}/).first();
      await created.waitFor(LONG);
      const jointId = /T-2026-\d{4}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
      expect(jointId).not.toBe('');
      await mzRow.getByText(`已合并为 ${jointId}`).waitFor(LONG);
      // the pair is no longer suggested: both tasks are merged
      await expect
        .poll(() => page.getByTestId('joint-suggestions').locator('tr', { hasText: SCJG_TASK }).count(), LONG)
        .toBe(0);

      // 3. admin sees the merger done, the visits saved in total and on the joint task
      await uiLogin(browser, page, base, 'admin');
      await openJointTab(page);
      const done = page.getByTestId('joint-proposals').locator('tr', { hasText: SCJG_TASK });
      await done.getByText(`已合并为 ${jointId}`).waitFor(LONG);
      const kpi = page.getByTestId('joint-kpi-merged');
      await expect.poll(() => kpi.textContent(), LONG).toMatch(/1 个联合抽查任务/);
      expect(await kpi.textContent()).toContain(`${alone} → ${merged} 户次`);
      expect(await kpi.textContent()).toContain(`${saved}户次`);
      await settled(page);
      await shot(page, `joint-${engine}-4-merged`);
      await expectAccessible(page, 'merged');

      await done.getByRole('link', { name: `已合并为 ${jointId}` }).click();
      await page.waitForURL(new RegExp(`/console/tasks/${jointId}$`), LONG);
      const note = page.getByTestId('joint-task-note');
      await note.waitFor(LONG);
      expect(await note.textContent()).toContain(`预计上门 ${alone} → ${merged} 户次（减少 ${saved} 户次）`);
      expect(await note.textContent()).toContain(SCJG_TASK);
      expect(await note.textContent()).toContain(MZ_TASK);
      await page
        .getByText(/民政局\s*已确认/)
        .first()
        .waitFor(LONG);
      await shot(page, `joint-${engine}-5-joint-task`);
      await expectAccessible(page, 'joint task');

      // a merged task points to the joint task and can no longer be drawn on its own
      await note.getByText(sug.taskIds[0] ?? '').waitFor(LONG);
      await page.goto(`${base}/console/tasks/${sug.taskIds[0] ?? ''}`);
      await page.getByText(`本任务已并入联合抽查任务 ${jointId}`).waitFor(LONG);
      expect(await page.getByRole('button', { name: '冻结名单并准备摇号' }).count()).toBe(0);
      await expectAccessible(page, 'merged task');

      // the joint tab on a phone: no sideways scrolling of the page
      await openJointTab(page);
      await page.setViewportSize({ width: 375, height: 812 });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
      await shot(page, `joint-${engine}-6-phone`);
      await expectAccessible(page, 'joint tab (375 px)');
      await page.close();
    },
  );
});
