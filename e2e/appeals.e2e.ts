/**
 * Journey (issue 16 part 2): a business that corrected what an inspection found opens the
 * portal's 异议与信用修复 page, finds its result by USCC and the code on its notice, and applies
 * for credit repair with a photo; the portal shows 信用修复申请处理中. The demo's 渝北 leader opens
 * 异议与信用修复 in the console, corrects the result of the demo's pending objection (the
 * portal then says 异议已处理：结果已更正) and approves the repair from today (the portal says
 * 已信用修复). The portal page fits a phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { api, dropdown, iso, LONG, login, png, see, uiLogin } from './support/journey';

interface Visit {
  id: string;
  noticeCode: string;
  target: { name: string; uscc: string | null };
  results: { category: string | null }[];
}

describe('objections and credit repair', () => {
  const base = (): string => inject('pgliteUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('takes a repair application on the portal, and the leader corrects one result and approves the repair', async () => {
    // a published 渝北 result that found a problem and has no application yet (staff see its notice code)
    const s = await login(base(), 'leader');
    const listed = await api<{ items: { id: string }[] }>(
      base(),
      s,
      'GET',
      '/api/inspections?status=published',
    );
    const appealed = await api<{ items: { inspectionId: string }[] }>(
      base(),
      s,
      'GET',
      '/api/appeals?pageSize=100',
    );
    const taken = new Set(appealed.json.items.map((a) => a.inspectionId));
    let visit: Visit | undefined;
    for (const v of listed.json.items.filter((x) => !taken.has(x.id)).slice(0, 60)) {
      const full = await api<Visit>(base(), s, 'GET', `/api/inspections/${v.id}`);
      if (
        full.json.target.uscc !== null &&
        full.json.results.some((r) => r.category === '发现问题已责令改正')
      ) {
        visit = full.json;
        break;
      }
    }
    if (visit === undefined || visit.target.uscc === null) {
      throw new Error('the demo has no published 渝北 result with a correction order');
    }

    // the business, on a phone
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(`${base()}/appeals`);
    // the footer says how fresh the portal's data is (issue 17 §1: no replica here, so live)
    await expect.poll(() => phone.getByTestId('data-freshness').textContent(), LONG).toBe('数据为实时数据');
    await phone.getByLabel('统一社会信用代码').fill(visit.target.uscc);
    await phone.getByLabel('通知书核验码').fill(visit.noticeCode.toLowerCase());
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await see(phone, `${visit.target.name} · 公示结果`);
    await phone.getByLabel('信用修复').check();
    await phone.getByLabel('事实与理由').fill('已按责令改正通知完成整改，整改前后照片附后，申请信用修复。');
    await phone.getByLabel('联系人及电话').fill('王经理 13800000000');
    await phone
      .getByTestId('appeal-files')
      .setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: png() });
    await phone.getByText('整改后.png').waitFor();
    await expectAccessible(phone, 'portal appeals');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: '提交申请' }).click();
    await see(phone, /已受理：受理编号 [0-9A-F]{8}/);
    await shot(phone, 'portal-appeal');
    await phone.goto(`${base()}/results/${visit.id}`);
    await expect
      .poll(() => phone.getByTestId('result-appeal').textContent(), LONG)
      .toBe('信用修复申请处理中');

    // the leader's queue: the demo's pending objection first (overdue), then this application
    const page = await browser.newPage();
    await uiLogin(browser, page, base(), 'leader');
    await page.goto(`${base()}/console/appeals`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor(LONG);
    await expectAccessible(page, 'appeals queue');
    const objection = rows.filter({ hasText: '异议' }).filter({ hasText: '已逾期' }).first();
    const objectionTarget = (await objection.locator('a').first().textContent())?.trim() ?? '';
    await objection.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('作出决定').first().waitFor(LONG);
    await drawer.getByLabel('结果已更正').check();
    // correct the first item to 未发现问题
    await drawer.locator('.ant-form-item', { hasText: '更正为' }).first().locator('.ant-select').click();
    await dropdown(page).getByTitle('未发现问题', { exact: true }).click();
    await drawer.getByLabel('理由').fill('经核实，检查当日证照已公示，更正为未发现问题');
    await drawer.getByRole('button', { name: '作出决定' }).click();
    await expect
      .poll(() => drawer.getByTestId('appeal-detail-status').textContent(), LONG)
      .toBe('结果已更正');
    await see(page, '更正内容');
    await page.keyboard.press('Escape');

    const mine = rows.filter({ hasText: visit.target.name });
    await mine.first().click();
    await drawer.getByText('整改后.png').waitFor(LONG);
    await drawer.getByLabel('准予信用修复').check();
    await drawer.getByLabel('修复生效日期（自该日起不再计入信用风险）').fill(iso(new Date()));
    await page.keyboard.press('Enter');
    await drawer.getByLabel('理由').fill('经复查整改到位，准予信用修复');
    await drawer.getByRole('button', { name: '作出决定' }).click();
    await expect
      .poll(() => drawer.getByTestId('appeal-detail-status').textContent(), LONG)
      .toBe('准予信用修复');
    await shot(page, 'appeal-decided');

    // the portal follows both decisions
    await phone.goto(`${base()}/results/${visit.id}`);
    await expect.poll(() => phone.getByTestId('result-appeal').textContent(), LONG).toMatch(/^已信用修复/);
    await phone.goto(`${base()}/results?q=${encodeURIComponent(objectionTarget)}`);
    await expect
      .poll(() => phone.getByTestId('result-appeal').allTextContents(), LONG)
      .toContain('异议已处理：结果已更正');
  });
});
