/**
 * Journey (issue 11, "Done when"): a new district from a clean database, in chromium. The server
 * starts as a real deployment does (SSJ_DEMO=off) after `ssj users bootstrap` made its first
 * system administrator, and every step is done in the UI:
 *   1. the system administrator replaces the one-time password and creates the department's
 *      administrator, who imports the item list and both libraries (one inspector's certificate has
 *      expired) and publishes the item; the system administrator then imports the accounts of two
 *      inspectors and a leader from the inspector library; each sets a password at the first login;
 *   2. the department administrator makes a plan and a task with the scope picker; the leader
 *      approves and publishes it from the to-do list;
 *   3. the freeze leaves the expired certificate out of the pool (named, with its reason), and the
 *      ceremony draws;
 *   4. both inspectors confirm on one phone (375 px) and submit;
 *   5. the leader reviews and publishes from the to-do list;
 *   6. the result shows on the portal home at 375 px, with Chinese labels only, and its page proves
 *      in the browser that the publication is in the signed transparency log.
 * axe-core runs on every page visited (no critical or serious violation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import {
  api,
  approveAndPublishPlan,
  commitToDice,
  drawWithDice,
  dropdown,
  freezeTask,
  iso,
  login,
  LONG,
  openReview,
  openTodo,
  recordNoProblem,
  see,
  uiLogin,
  waitForLiveFrame,
} from './support/journey';
import { startServer, type RunningServer } from './support/server';
import {
  REGION,
  bootstrapDistrict,
  createDepartmentAdmin,
  CHOSEN,
  ITEM_NAME,
  ITEMS,
  year,
  INSPECTORS,
  INSPECTOR_LIBRARY,
  TARGETS,
  TARGET_LIBRARY,
  ACCOUNTS,
  ADMIN,
  ACCOUNT_FILE,
  firstLogin,
  importFile,
} from './support/new-district-data';

describe('a new district from a clean database (pglite, SSJ_DEMO=off)', () => {
  let server: RunningServer;
  let sysadminOtp = '';
  let browser: Browser;
  let phone: Browser;
  const base = () => server.url;
  const stamp = Date.now().toString(36).slice(-4);
  const planTitle = `巴南区${year}年度双随机抽查计划 ${stamp}`;
  const taskTitle = `营业执照规范使用专项抽查 ${stamp}`;
  let planId = '';
  let taskId = '';
  let visit = { id: '', targetId: '', name: '' };

  beforeAll(async () => {
    server = await startServer('pglite', {
      demo: false,
      prepare: async (env) => {
        sysadminOtp = await bootstrapDistrict(env);
      },
    });
    browser = await launch();
    phone = await launch({ width: 375, height: 812 });
  });
  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
  });

  it(
    '1a. the system administrator replaces the one-time password and creates the department administrator',
    { timeout: 180_000 },
    async () => {
      expect(sysadminOtp, 'ssj users bootstrap printed a one-time password').toMatch(/^\S{12,}$/);
      const page = await browser.newPage();
      await firstLogin(page, base(), 'sysadmin', sysadminOtp);
      await uiLogin(browser, page, base(), 'sysadmin', CHOSEN);
      const oneTime = await createDepartmentAdmin(page, base());
      await page.getByRole('button', { name: 'OK' }).click();
      await firstLogin(page, base(), ADMIN.user, oneTime);
      await page.close();
    },
  );

  it(
    '1b. the department administrator imports the item list and both libraries',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage();
      await uiLogin(browser, page, base(), ADMIN.user, CHOSEN);
      // a clean database: nothing in the target library yet
      await page.goto(`${base()}/console/targets`);
      await see(page, '检查对象名录库');
      await expectAccessible(page, 'empty target library');
      expect(await page.locator('.ant-table-row').count()).toBe(0);

      await importFile(page, base(), '随机抽查事项清单', '抽查事项清单.csv', ITEMS);
      await importFile(page, base(), '执法检查人员名录库', '执法检查人员名录库.csv', INSPECTOR_LIBRARY);
      await importFile(page, base(), '检查对象名录库', '检查对象名录库.csv', TARGET_LIBRARY);
      await shot(page, 'district-1-imported');

      // the item goes on the public list (tasks choose from published items)
      await page.goto(`${base()}/console/items`);
      await see(page, ITEM_NAME);
      const row = page.locator('tr', { hasText: ITEM_NAME });
      await row.getByRole('switch').click();
      await expect.poll(() => row.getByRole('switch').isChecked()).toBe(true);
      await expectAccessible(page, 'items');

      // the inspectors page warns of the expired certificate
      await page.goto(`${base()}/console/inspectors`);
      await see(page, INSPECTORS[2].name);
      await see(page, /已过期/);
      await expectAccessible(page, 'inspectors');
      await page.close();
    },
  );

  it(
    '1c. the system administrator imports accounts for the two inspectors and the leader',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage();
      await uiLogin(browser, page, base(), 'sysadmin', CHOSEN);
      await page.goto(`${base()}/console/users`);
      await page.getByRole('button', { name: '批量导入账号' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择文件并导入' }).click();
      await (await chooser).setFiles({ name: '账号.csv', mimeType: 'text/csv', buffer: ACCOUNT_FILE });
      await see(page, `已导入 ${ACCOUNTS.length} 个账号`);
      await expectAccessible(page, 'accounts imported');
      await shot(page, 'district-1-accounts');
      const oneTime = new Map<string, string>();
      for (const a of ACCOUNTS) {
        const row = page.locator('.ant-modal tr', { hasText: a.user });
        oneTime.set(a.user, ((await row.locator('code').textContent()) ?? '').trim());
      }
      await page.keyboard.press('Escape');
      // the inspectors' accounts are linked to their library entries
      const admin = await login(base(), 'sysadmin', CHOSEN);
      const users = await api<{ items: { username: string; inspectorBadge: string | null }[] }>(
        base(),
        admin,
        'GET',
        '/api/users',
      );
      for (const a of ACCOUNTS) {
        expect(users.json.items.find((u) => u.username === a.user)?.inspectorBadge ?? '').toBe(a.badge);
      }
      // each new colleague replaces the one-time password at the first login
      for (const a of ACCOUNTS) {
        await firstLogin(page, base(), a.user, oneTime.get(a.user) ?? '');
      }
      await page.close();
    },
  );

  it(
    '2. the administrator plans with the scope picker; the leader approves from the to-do list',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage();
      await uiLogin(browser, page, base(), ADMIN.user, CHOSEN);
      await page.goto(`${base()}/console/plans`);
      await see(page, '抽查计划');
      await expectAccessible(page, 'plans (none yet)'); // also lets the page settle before the dialog opens
      await page.getByRole('button', { name: '新建年度计划' }).click();
      const planModal = page.locator('.ant-modal').filter({ hasText: '新建年度计划' });
      await planModal.getByLabel('计划名称').fill(planTitle);
      await planModal.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/console\/plans\/[^/]+$/, LONG).catch(async (e: unknown) => {
        // say what the page showed instead (a message, a field error) rather than only the timeout
        throw new Error(`no plan page after 保存: ${await page.locator('body').innerText()}`, { cause: e });
      });
      planId = new URL(page.url()).pathname.split('/').pop() ?? '';

      await page.getByRole('button', { name: '新建抽查任务' }).click();
      const form = page.locator('.ant-modal').filter({ hasText: '新建抽查任务' });
      await form.getByLabel('任务名称').fill(taskTitle);
      await form.getByLabel('抽查事项').click();
      await dropdown(page).locator('.ant-select-item-option', { hasText: ITEM_NAME }).first().click();
      await page.keyboard.press('Escape');
      const now = new Date();
      await form.getByLabel('开始日期').fill(iso(now));
      await form.getByLabel('结束日期').fill(iso(new Date(now.getTime() + 20 * 86_400_000)));
      await form.getByLabel('抽查比例').fill('20'); // per cent
      // the district is picked from the library, with its count of targets
      await form.getByLabel('行政区划').click();
      await dropdown(page)
        .locator('.ant-select-item-option', { hasText: `${REGION} 巴南区` })
        .first()
        .click();
      await page.keyboard.press('Escape');
      await form
        .locator('.ant-select-selection-item', { hasText: `${REGION} 巴南区（${TARGETS.length}）` })
        .waitFor({ state: 'visible', ...LONG });
      await waitForLiveFrame(page, TARGETS.length, TARGETS.length);
      await expectAccessible(page, 'task form');
      await shot(page, 'district-2-task-form');
      await form.getByRole('button', { name: '保存' }).click();
      await form.waitFor({ state: 'hidden', ...LONG });
      await see(page, taskTitle);
      await page.getByRole('button', { name: '提交审批' }).click();
      await see(page, '待审批');
      const plan = await api<{ tasks: { id: string; title: string }[] }>(
        base(),
        await login(base(), ADMIN.user, CHOSEN),
        'GET',
        `/api/plans/${planId}`,
      );
      taskId = plan.json.tasks.find((x) => x.title === taskTitle)?.id ?? '';
      expect(taskId).not.toBe('');

      await uiLogin(browser, page, base(), 'chenjg', CHOSEN);
      await page.goto(`${base()}/console`);
      await see(page, '待审批的年度计划');
      await expectAccessible(page, 'leader workbench');
      await openTodo(page, 'plans_to_approve');
      await page.waitForURL(/\/console\/plans$/, LONG);
      await page.getByRole('link', { name: planTitle }).click();
      await page.waitForURL(new RegExp(`/console/plans/${planId}`), LONG);
      await see(page, '名录户数');
      await expectAccessible(page, 'plan to approve');
      await approveAndPublishPlan(page);
      await shot(page, 'district-2-plan-published');
      await page.close();
    },
  );

  it(
    '3. the freeze leaves the expired certificate out, and the ceremony draws',
    { timeout: 240_000 },
    async () => {
      expect(taskId).not.toBe('');
      const page = await browser.newPage();
      await uiLogin(browser, page, base(), ADMIN.user, CHOSEN);
      await page.goto(`${base()}/console`);
      await see(page, '待摇号的抽查任务');
      await see(page, '执法证已过期或 30 日内到期的人员');
      await expectAccessible(page, 'administrator workbench');
      await page.goto(`${base()}/console/tasks/${taskId}`);
      await see(page, taskTitle);
      // the scope reads as criteria with names, not as JSON
      await expect.poll(() => page.getByTestId('task-scope').innerText(), LONG).toContain(`${REGION} 巴南区`);
      expect(await page.locator('main').innerText()).not.toContain('{"');
      await freezeTask(page);
      const expired = INSPECTORS[2];
      await see(page, `${expired.name}（${expired.badge}）行政执法证已过期 ${expired.expiry}`);
      await expectAccessible(page, 'frozen');
      await shot(page, 'district-3-frozen');
      await commitToDice(page);
      await drawWithDice(page, '6 2 5 1 4 3 3 6 1 2 5 4 6 6 2 1 3 5 4 2 1 6', '巴南区公证处 王明');
      await see(page, /摇号完成：抽中 2 户/);
      // the single stratum reads 全部对象, not its code
      await see(page, '全部对象 名单户数');
      expect(await page.locator('main').innerText()).not.toMatch(/\ball\b/);
      await expectAccessible(page, 'ceremony');

      // every team is the two inspectors with valid certificates
      const admin = await login(base(), ADMIN.user, CHOSEN);
      const visits = await api<{ items: { id: string; target: { id: string; name: string } }[] }>(
        base(),
        admin,
        'GET',
        `/api/inspections?taskId=${taskId}`,
      );
      expect(visits.json.items).toHaveLength(2);
      for (const v of visits.json.items) {
        const detail = await api<{ team: { inspectorId: string }[] }>(
          base(),
          admin,
          'GET',
          `/api/inspections/${v.id}`,
        );
        expect(detail.json.team.map((m) => m.inspectorId).sort()).toEqual([
          INSPECTORS[0].badge,
          INSPECTORS[1].badge,
        ]);
      }
      const first = visits.json.items[0];
      visit = { id: first?.id ?? '', targetId: first?.target.id ?? '', name: first?.target.name ?? '' };
      await page.close();
    },
  );

  it('4. both inspectors confirm on one phone and submit', { timeout: 240_000 }, async () => {
    expect(visit.id).not.toBe('');
    const [me, teammate] = INSPECTORS;
    const page = await phone.newPage({ width: 375, height: 812 });
    await uiLogin(phone, page, base(), me.user, CHOSEN);
    await page.goto(`${base()}/console/my-inspections`);
    await see(page, visit.name);
    await expectAccessible(page, 'my inspections (375 px)');
    await page.goto(`${base()}/console/my-inspections/${visit.id}`);
    await page.getByText('检查结果').first().waitFor(LONG);
    // the default checklist of an item without its own asks for the follow-up
    await page.getByLabel('后续处置').click();
    await dropdown(page).getByTitle('无需后续处置').click();
    await recordNoProblem(
      page,
      '营业执照正本悬挂于经营场所醒目位置，登记事项与实际一致。',
      '法定代表人外出，店员不愿签字',
    );

    // the teammate confirms on this phone with their own account
    await page.getByRole('button', { name: '同事在本机确认' }).click();
    const confirm = page.locator('.ant-modal').filter({ hasText: '同事在本机确认检查记录' });
    await confirm.getByRole('tab', { name: '账号密码' }).click();
    await confirm.getByLabel('同事的用户名').fill(teammate.user);
    await confirm.getByLabel('同事的密码').fill(CHOSEN);
    await expectAccessible(page, 'teammate confirms (375 px)');
    await confirm.getByRole('button', { name: '确认检查记录' }).click();
    await confirm.waitFor({ state: 'hidden', ...LONG });
    await expect.poll(() => page.locator('.ant-tag-green', { hasText: '已确认' }).count(), LONG).toBe(2);
    await shot(page, 'district-4-both-confirmed');
    await page.getByRole('button', { name: '提交复核' }).click();
    await see(page, '已提交复核');
    await page.close();
  });

  it('5. the leader reviews and publishes from the to-do list', { timeout: 180_000 }, async () => {
    expect(visit.id).not.toBe('');
    const page = await browser.newPage();
    await uiLogin(browser, page, base(), 'chenjg', CHOSEN);
    await page.goto(`${base()}/console`);
    await openTodo(page, 'reviews_pending');
    await page.waitForURL(/\/console\/reviews$/, LONG);
    await openReview(page, visit.name, visit.id);
    await see(page, '未发现问题');
    await expectAccessible(page, 'review');
    await page.getByRole('button', { name: '复核通过' }).click();
    await see(page, '已复核');
    await page.goto(`${base()}/console`);
    await openTodo(page, 'results_to_publish');
    await page.waitForURL(/\/console\/reviews/, LONG);
    await page.goto(`${base()}/console/reviews/${visit.id}`);
    await page.getByRole('button', { name: '公示', exact: true }).click();
    await page.getByRole('button', { name: '确认公示' }).click();
    await see(page, '已公示');
    await shot(page, 'district-5-published');
    await page.close();
  });

  it('6. the portal home shows the result at 375 px, in Chinese only', { timeout: 120_000 }, async () => {
    expect(visit.targetId).not.toBe('');
    await phone.context.clearCookies();
    const page = await phone.newPage({ width: 375, height: 812 });
    await page.goto(`${base()}/`);
    await expect
      .poll(() => page.locator('#results .ant-table-row', { hasText: visit.name }).count(), LONG)
      .toBe(1);
    await expectAccessible(page, 'portal home (375 px)');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `the portal home is ${width}px wide`).toBeLessThanOrEqual(375);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(taskTitle.slice(0, 8));
    expect(text, 'a department code instead of its name').not.toMatch(/\d{6}-[A-Z]{2,}(?![-A-Z0-9])/);
    expect(text, 'a raw code').not.toMatch(/\b[A-Z][A-Z_]{3,}\b/);
    expect(text, 'English words').not.toMatch(/\b(all|public|dice|rotation|recusal|pending|published)\b/i);
    expect(await page.getByText('暂无').count(), 'every section lists the new district').toBe(0);
    await shot(page, 'district-6-portal-375');

    // the result's page proves, in the browser, that its publication is in the signed log (issue 13)
    const signed = await api(base(), await login(base(), 'sysadmin', CHOSEN), 'POST', '/api/log/sign');
    expect(signed.status).toBe(200);
    await page.locator('#results .ant-table-row', { hasText: visit.name }).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/results/${visit.id}$`), LONG);
    await see(page, '本结果公示的日志条目');
    await page.getByRole('button', { name: '验证收录' }).click();
    const verdict = page.getByTestId('log-verdict');
    await verdict.waitFor({ state: 'visible', ...LONG });
    expect(await verdict.textContent()).toMatch(/已验证/);
    const detail = (await page.locator('main').textContent()) ?? '';
    expect(detail, 'raw log codes').not.toMatch(/\b(drawId|commitment|result|checkpoint)\b/);
    await expectAccessible(page, 'result page with its log proof (375 px)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'district-6-result-log-375');
    await page.close();
  });
});
