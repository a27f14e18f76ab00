/**
 * Journey (issue 15, parts 2 and 3) at 375 px: an inspector records a remote inspection (视频检查)
 * with its record, takes a photo whose SHA-256 the evidence list shows as the server recorded it,
 * both inspectors confirm, and the visit is submitted with no signature on site.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';
import { api, dropdown, LONG, login, png, see, uiLogin } from './support/journey';
import { fillChecklist, makeVisit, teammateConfirms } from './support/visit';

describe('a remote inspection on a phone', () => {
  const base = (): string => inject('pgliteUrl');
  let browser: Browser;
  let visit: { id: string; name: string };
  beforeAll(async () => {
    visit = await makeVisit(base(), { planTitle: '非现场检查演示计划', title: '非现场检查演示任务' });
    browser = await launch({ width: 375, height: 812 });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records the method and its evidence, shows the photo hashes, and submits without a signature', async () => {
    const page = await browser.newPage({ width: 375, height: 812 });
    await uiLogin(browser, page, base(), 'inspector');
    await page.waitForURL(/\/console\/my-inspections/);
    await page.goto(`${base()}/console/my-inspections/${visit.id}`);
    await page.getByText('检查结果').first().waitFor();

    await page.locator('.ant-segmented').first().getByText('视频检查').click();
    await page.getByLabel(/非现场检查记录/).fill('视频连线查看了经营场所、营业执照原件和进货台账');
    await page.getByRole('button', { name: '保存检查方式' }).click();
    await see(page, '检查方式已保存');

    await fillChecklist(page);
    await page.getByLabel('检查结果').first().click();
    await dropdown(page).getByTitle('未发现问题').click();
    await page.getByLabel('检查情况记录').first().fill('视频检查：证照齐全。');
    const photos = await page.getByTestId('photo-input').all();
    for (const input of photos) {
      await input.setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: png() });
    }
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await see(page, '已保存到服务器');
    const evidence = page
      .getByRole('region', { name: `证据清单（${photos.length} 张照片）` })
      .or(page.getByLabel(`证据清单（${photos.length} 张照片）`));
    await expect.poll(() => evidence.count(), LONG).toBeGreaterThan(0);
    const text = await evidence.first().innerText();
    const hashes = [...text.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]);
    expect(hashes.length).toBe(photos.length);
    await shot(page, 'remote-inspection-evidence');
    await expectAccessible(page, 'remote inspection with evidence (375 px)');

    await page.getByRole('button', { name: '本人确认检查记录' }).click();
    await expect.poll(() => page.locator('.ant-tag-green', { hasText: '已确认' }).count(), LONG).toBe(1);
    await teammateConfirms(page, 'inspector2', PASSWORD);
    await expect.poll(() => page.locator('.ant-tag-green', { hasText: '已确认' }).count(), LONG).toBe(2);
    await page.getByRole('button', { name: '提交复核' }).click();
    await expect.poll(() => page.getByText('已提交复核').count(), LONG).toBeGreaterThan(0);
    await shot(page, 'remote-inspection-submitted');
    await page.close();

    const admin = await login(base(), 'admin');
    const v = await api<{
      status: string;
      method: string;
      remoteEvidence: string | null;
      businessSignature: unknown;
      photos: { id: string; sha256: string }[];
    }>(base(), admin, 'GET', `/api/inspections/${visit.id}`);
    expect([v.json.status, v.json.method, v.json.businessSignature]).toEqual(['submitted', 'video', null]);
    expect(v.json.remoteEvidence).toBe('视频连线查看了经营场所、营业执照原件和进货台账');
    expect(v.json.photos.map((p) => p.sha256).sort()).toEqual([...hashes].sort());
    // the hash shown is the hash of the bytes the server keeps
    const first = v.json.photos[0];
    const img = await fetch(`${base()}/api/inspections/${visit.id}/photos/${first?.id ?? ''}`, {
      headers: { cookie: admin.cookie },
    });
    expect(
      createHash('sha256')
        .update(Buffer.from(await img.arrayBuffer()))
        .digest('hex'),
    ).toBe(first?.sha256);
  });
});
