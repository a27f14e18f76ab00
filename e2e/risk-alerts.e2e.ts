/**
 * Journey (issue 16 part 1): the demo's 渝北 market-regulation admin opens 风险预警 and sees the
 * demo sources with the chart; registers a source of its own and reads its key once; a partner
 * system (this test, with node's crypto: the documented protocol, not the server's code) sends
 * two signed alerts about a catering business; the admin finds them in the queue, dismisses one
 * with a reason, and sees the other on the business's "为什么是 X 级" as an alert in force. The
 * page fits a phone.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { api, dropdown, LONG, login, see, uiLogin } from './support/journey';

interface Alert {
  id: string;
  uscc: string | null;
  targetId: string | null;
  targetName: string | null;
  status: string;
}

/** Send one alert as a partner does: HMAC-SHA256 over "<unix seconds>.<raw body>". */
async function partnerSends(base: string, source: string, secret: string, key: string, body: object) {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const r = await fetch(`${base}/api/risk-alerts/intake`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-ssj-source': source,
      'x-ssj-timestamp': ts,
      'x-ssj-signature': createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex'),
      'idempotency-key': key,
    },
    body: raw,
  });
  return { status: r.status, json: (await r.json()) as { id: string; targetId: string | null } };
}

describe('risk alerts from a partner system', () => {
  const base = (): string => inject('pgliteUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('registers a source, takes signed alerts, triages one and shows the other on the target', async () => {
    const page = await browser.newPage();
    await uiLogin(browser, page, base(), 'admin');
    await page.goto(`${base()}/console/risk-alerts`);
    await page.getByTestId('alert-source-mclz-demo').waitFor(LONG);
    await page.getByTestId('alert-source-lift-demo').waitFor();
    await page.getByRole('img', { name: '近 30 天每日预警' }).waitFor();
    await expectAccessible(page, 'risk alerts');

    // a catering business the demo already has alerts for
    const s = await login(base(), 'admin');
    const demo = await api<{ items: Alert[] }>(
      base(),
      s,
      'GET',
      '/api/risk-alerts?sourceId=mclz-demo&pageSize=50',
    );
    const target = demo.json.items.find((a) => a.targetId !== null && a.uscc !== null);
    if (target === undefined || target.uscc === null || target.targetName === null) {
      throw new Error('the demo has no matched kitchen alert');
    }

    const id = `e2e-${Date.now().toString(36)}`;
    await page.getByRole('button', { name: '登记来源' }).click();
    await page.getByLabel('来源编号').fill(id);
    await page.getByLabel('来源名称').fill('端到端明厨亮灶');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const secret =
      (await page.getByTestId('alert-source-secret').textContent({ timeout: 15_000 }))?.trim() ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: '我已保存密钥' }).click();
    await page.getByTestId(`alert-source-${id}`).waitFor();

    const rodent = await partnerSends(base(), id, secret, `${id}-1`, {
      type: 'rodent',
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      uscc: target.uscc,
      location: '后厨操作间',
      detail: 'AI 识别到鼠类活动',
    });
    expect([rodent.status, rodent.json.targetId]).toEqual([201, target.targetId]);
    const mask = await partnerSends(base(), id, secret, `${id}-2`, {
      type: 'no_mask',
      occurredAt: new Date(Date.now() - 300_000).toISOString(),
      uscc: target.uscc,
    });
    expect(mask.status).toBe(201);
    // a replay with a wrong key is refused
    expect(
      (
        await partnerSends(base(), id, 'not-the-key', `${id}-3`, {
          type: 'no_hat',
          occurredAt: new Date().toISOString(),
          uscc: target.uscc,
        })
      ).status,
    ).toBe(401);

    await page.reload();
    await page.getByTestId(`alert-source-${id}`).waitFor(LONG);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const mine = rows.filter({ hasText: '端到端明厨亮灶' });
    // choose the new source in the filter (again, if a loaded machine lost the choice)
    await expect
      .poll(async () => {
        const [all, own] = [await rows.count(), await mine.count()];
        if (all === 2 && own === 2) {
          return true;
        }
        await page.getByLabel('来源', { exact: true }).click();
        await dropdown(page)
          .getByTitle('端到端明厨亮灶')
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        await page.waitForTimeout(1_000);
        return false;
      }, LONG)
      .toBe(true);
    const row = mine.filter({ hasText: '发现鼠患' });
    await row.getByRole('button', { name: '排除' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '排除' });
    await dialog.getByLabel('原因').fill('复核视频：为猫，非鼠患');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('.ant-segmented').getByText('已排除').click();
    await see(page, '复核视频：为猫，非鼠患');
    await shot(page, 'risk-alerts');

    // the no-mask alert is in force: it shows on the business's explanation
    await page.goto(`${base()}/console/risk`);
    await page
      .getByTestId('risk-explain-search')
      .locator('input')
      .fill(target.targetId ?? '');
    await page.getByTestId('risk-explain-search').locator('input').press('Enter');
    const onTarget = page.getByTestId('risk-alerts-on-target');
    await onTarget.waitFor(LONG);
    expect(await onTarget.textContent()).toContain('未戴口罩 · 端到端明厨亮灶');
    expect(await onTarget.textContent()).not.toContain('发现鼠患 · 端到端明厨亮灶');

    // the queue on a phone: no sideways scrolling of the page
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${base()}/console/risk-alerts`);
    await page.getByTestId('alert-source-mclz-demo').waitFor(LONG);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  });
});
