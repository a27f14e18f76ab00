/**
 * Debian chromium through playwright-core, on a fresh user-data-dir, with the flags this
 * machine needs (closed network, root).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Browser {
  readonly context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

/** Launch chromium. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssj-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    async newPage(vp) {
      const page = await context.newPage();
      if (vp !== undefined) {
        await page.setViewportSize(vp);
      }
      return page;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot under e2e/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
