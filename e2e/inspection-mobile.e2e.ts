/**
 * Journey (issue 5): an inspector records a visit on a phone (375×812): checklist, result
 * category, a camera photo, the business's refusal to sign, both inspectors' confirmations,
 * and submission. Issue 11: a premature submission shows the server's reason beside the
 * confirmations step, and the teammate confirms on the same phone with their own account. The visit is made through the API first: plan → task → draw, then a
 * direct assignment (直接委派) puts `inspector` and `inspector2` on the first drawn team.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';
import { recordNoProblem } from './support/journey';
import { fillChecklist, makeVisit } from './support/visit';

describe.each([
  ['pglite', () => inject('pgliteUrl')],
  ['postgres', () => inject('postgresUrl')],
] as const)('inspection on a phone (%s)', (engine, baseUrl) => {
  let browser: Browser;
  let visit: { id: string; name: string };
  beforeAll(async () => {
    visit = await makeVisit(baseUrl());
    browser = await launch({ width: 375, height: 812 });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records results with a photo, confirms, records the refusal to sign and submits', async () => {
    const base = baseUrl();
    const page = await browser.newPage({ width: 375, height: 812 });
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('inspector');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/console\/my-inspections/);
    await expect.poll(() => page.getByText(visit.name).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('地图导航').count()).toBeGreaterThan(0);
    await shot(page, `inspection-list-${engine}`);
    await expectAccessible(page, 'my inspections (375 px)');

    await page.goto(`${base}/console/my-inspections/${visit.id}`);
    await page.getByText('检查结果').first().waitFor();
    await expectAccessible(page, 'visit form (375 px)');
    // every choice field of the checklist form: take its first option
    await fillChecklist(page);
    // a camera shot for every photo control (the item's photos and the form's photo fields)
    await recordNoProblem(page, '经营场所与登记一致，证照齐全。', '负责人外出，店员不愿签字');

    // issue 11: submitting now names the missing confirmation beside the confirmations step
    await page.getByRole('button', { name: '提交复核' }).click();
    const reasons = page.getByRole('alert', { name: '确认未完成' });
    await expect.poll(() => reasons.innerText().catch(() => '')).toContain('须至少 2 名执法人员本人确认');
    await shot(page, `inspection-reasons-${engine}`);
    await expectAccessible(page, 'submit refused, reasons shown (375 px)');
    // the teammate has no phone of their own: they confirm on this one with their own account
    await page.getByRole('button', { name: '同事在本机确认' }).click();
    await page.getByLabel('同事的用户名').fill('inspector2');
    await page.getByLabel('同事的密码').fill(PASSWORD);
    await shot(page, `inspection-teammate-${engine}`);
    await expectAccessible(page, 'teammate confirms (375 px)');
    await page.getByRole('button', { name: '确认检查记录', exact: true }).click();
    await expect.poll(() => page.locator('.ant-tag-green', { hasText: '已确认' }).count()).toBe(2);
    await expect.poll(() => reasons.count()).toBe(0);
    // the phone stays signed in as the first inspector
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).text());
    expect(me).toContain('"username":"inspector"');

    await page.reload();
    await page.getByRole('button', { name: '提交复核' }).click();
    await page.waitForTimeout(1500);
    await shot(page, `inspection-submit-${engine}`);
    await expect
      .poll(() => page.getByText('已提交复核').count(), {
        message: await page
          .locator('.ant-message')
          .innerText()
          .catch(() => ''),
      })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText('待复核').count()).toBeGreaterThan(0);
    await shot(page, `inspection-submitted-${engine}`);
    await expectAccessible(page, 'submitted (375 px)');
    await page.close();
  });
});
