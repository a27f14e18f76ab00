/**
 * Journey (issue 15, 掌上通 offline): at 375 px an inspector opens the day's visit online, loses the
 * network, records the whole visit — checklist, result, notes, a camera photo and the business's
 * refusal to sign — sees it queued, reloads the page still offline (the service worker serves the
 * app and the visit; IndexedDB keeps the work), comes back online, and the record, the photo with
 * its SHA-256 and the refusal arrive on the server by themselves.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot, type Browser } from './support/browser';
import { api, dropdown, LONG, login, png, uiLogin } from './support/journey';
import { fillChecklist, makeVisit } from './support/visit';

describe('an offline visit on a phone', () => {
  const base = (): string => inject('pgliteUrl');
  let browser: Browser;
  let visit: { id: string; name: string };
  beforeAll(async () => {
    visit = await makeVisit(base(), { planTitle: '离线检查演示计划', title: '离线检查演示任务' });
    browser = await launch({ width: 375, height: 812 });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records a whole visit offline, survives a reload offline, and sends it when back online', async () => {
    const page = await browser.newPage({ width: 375, height: 812 });
    await uiLogin(browser, page, base(), 'inspector');
    await page.waitForURL(/\/console\/my-inspections/);
    // installable: the manifest is linked, and the service worker takes control of the page
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.state ?? '')), LONG)
      .toBe('activated');
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), LONG)
      .toBe(true);
    await expect.poll(() => page.getByText(visit.name).count(), LONG).toBeGreaterThan(0);
    await page.goto(`${base()}/console/my-inspections/${visit.id}`);
    await page.getByText('检查结果').first().waitFor();

    // the network goes
    await browser.context.setOffline(true);
    await fillChecklist(page);
    await page.getByLabel('检查结果').first().click();
    await dropdown(page).getByTitle('未发现问题').click();
    await page.getByLabel('检查情况记录').first().fill('离线记录：证照齐全，经营场所与登记一致。');
    const photo = png();
    for (const input of await page.getByTestId('photo-input').all()) {
      await input.setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: photo });
    }
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('拒绝签字').click();
    await page.getByPlaceholder('拒签情况说明').fill('负责人外出（离线记录）');
    await page.getByRole('button', { name: '记录拒签' }).click();
    const outbox = page.getByTestId('outbox');
    await expect.poll(() => outbox.innerText(), LONG).toContain('无网络');
    await expect.poll(() => outbox.innerText(), LONG).toMatch(/照片 \d+ 张/);
    await expect.poll(() => outbox.innerText(), LONG).toContain('企业签字');
    await shot(page, 'offline-visit-queued');

    // a reload while still offline: the app, the visit and the queued work are all still here
    await page.reload();
    await page.getByText('检查结果').first().waitFor(LONG);
    await expect.poll(() => outbox.innerText(), LONG).toContain('企业签字');
    await expect.poll(() => outbox.innerText(), LONG).toMatch(/检查记录 \d+ 项/);
    expect(await page.getByLabel('检查情况记录').first().inputValue()).toBe(
      '离线记录：证照齐全，经营场所与登记一致。',
    );
    await shot(page, 'offline-visit-reloaded');

    // the network is back: everything goes out by itself
    await browser.context.setOffline(false);
    await expect.poll(() => outbox.count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.getByText('已同步').count(), LONG).toBeGreaterThan(0);
    await shot(page, 'offline-visit-sent');
    await page.close();

    const admin = await login(base(), 'admin');
    const v = await api<{
      results: { category: string | null; notes: string | null }[];
      photos: { id: string; sha256: string; bytes: number }[];
      businessSignature: { kind: string; reason?: string } | null;
    }>(base(), admin, 'GET', `/api/inspections/${visit.id}`);
    expect(v.status).toBe(200);
    expect(v.json.results.some((r) => r.notes === '离线记录：证照齐全，经营场所与登记一致。')).toBe(true);
    expect(v.json.photos.length).toBeGreaterThan(0);
    // the phone re-encodes the photo as JPEG; the hash on record is of the bytes the server keeps
    for (const p of v.json.photos) {
      expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const first = v.json.photos[0];
    const img = await fetch(`${base()}/api/inspections/${visit.id}/photos/${first?.id ?? ''}`, {
      headers: { cookie: admin.cookie },
    });
    const bytes = Buffer.from(await img.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first?.sha256);
    expect(v.json.businessSignature).toMatchObject({ kind: 'refused', reason: '负责人外出（离线记录）' });
  });
});
