/**
 * Issue 13: the portal's 验证收录 button on a real demo draw goes green (the draw's log entries
 * are in the signed tree head, checked with WebCrypto in chromium), and red when the entry the
 * browser receives was tampered with (the reply intercepted with page.route).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';

const LONG = { timeout: 60_000 } as const;

interface TaskLog {
  sth: { treeSize: number } | null;
  entries: { leafIndex: number; entry: string; inclusionPath: string[] | null }[];
}

describe('portal inclusion check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is green for a real draw and red for a tampered entry', async () => {
    const base = inject('pgliteUrl');
    const list = (await (await fetch(`${base}/api/public/draws`)).json()) as {
      items: { id: string; taskId: string }[];
    };
    let target: { id: string; taskId: string } | undefined;
    for (const d of list.items) {
      const v = (await (await fetch(`${base}/api/public/log/tasks/${d.taskId}`)).json()) as TaskLog;
      if (v.entries.some((e) => e.inclusionPath !== null && e.entry.includes(`"drawId":"${d.id}"`))) {
        target = d;
        break;
      }
    }
    expect(target, 'a demo draw covered by a signed tree head').toBeDefined();
    const { id = '', taskId = '' } = target ?? {};
    const page = await browser.newPage();
    await page.goto(`${base}/draws/${id}`);
    await page.getByRole('button', { name: /验证收录/ }).click(LONG);
    const verdict = page.getByTestId('log-verdict');
    await verdict.waitFor({ state: 'visible', ...LONG });
    expect(await verdict.textContent()).toMatch(/已验证/);
    expect(await verdict.getAttribute('class')).toMatch(/success/);
    await expectAccessible(page, 'draw page, inclusion verified');
    await shot(page, 'log-inclusion-green');

    // tamper with one of the draw's entries on its way to the browser
    await page.route(`**/api/public/log/tasks/${taskId}`, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as TaskLog;
      const i = body.entries.findIndex((e) => e.entry.includes(`"drawId":"${id}"`));
      const e = body.entries[i];
      if (e !== undefined) {
        body.entries[i] = { ...e, entry: e.entry.replace(`"drawId":"${id}"`, `"drawId":"${id}","x":1`) };
      }
      await route.fulfill({ response: res, json: body });
    });
    await page.reload();
    await page.getByRole('button', { name: /验证收录/ }).click(LONG);
    await verdict.waitFor({ state: 'visible', ...LONG });
    expect(await verdict.textContent()).toMatch(/验证失败/);
    expect(await verdict.getAttribute('class')).toMatch(/error/);
    await expectAccessible(page, 'draw page, inclusion refuted');
    await shot(page, 'log-inclusion-red');
  });
});
