/**
 * Debian chromium through playwright-core, on a fresh user-data-dir, with the flags this
 * machine needs (closed network, root). Every page is watched for Content-Security-Policy
 * violations (issue 10 §4): closing a browser that saw one fails the journey.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Thrown by Browser.close() when a page broke the Content-Security-Policy. */
export class CspViolationError extends Error {}

export interface Browser {
  readonly context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The CSP violations seen so far (console messages and securitypolicyviolation events). */
  cspViolations(): readonly string[];
  /** Close the browser; throws CspViolationError if any page broke the CSP. */
  close(): Promise<void>;
}

// Chromium reports a violation on the console ("Refused to … because it violates the following
// Content Security Policy directive …"); the event listener also catches report-only cases.
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

/** Record CSP violations of a page. */
function watchCsp(page: Page, seen: string[]): void {
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|CSP violation/i.test(text)) {
      seen.push(`${page.url()}: ${text}`);
    }
  });
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
  const violations: string[] = [];
  await context.addInitScript(CSP_LISTENER);
  for (const p of context.pages()) {
    watchCsp(p, violations);
  }
  context.on('page', (p) => watchCsp(p, violations));
  return {
    context,
    cspViolations: () => [...violations],
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
      if (violations.length > 0) {
        throw new CspViolationError(`Content-Security-Policy violations:\n${violations.join('\n')}`);
      }
    },
  };
}

/** Save a screenshot under e2e/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
