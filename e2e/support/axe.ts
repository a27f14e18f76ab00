/**
 * Accessibility check (issue 11 part 6): axe-core in the page after each navigation; a journey
 * fails on any critical or serious violation, naming the rule, the page and the first nodes.
 * `watchA11y` also records every URL a page visits, so a journey can prove it checked each one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One violation as the report shows it. */
export interface A11yViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly string[];
}

interface AxeReply {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

function isAxeReply(v: unknown): v is AxeReply {
  return typeof v === 'object' && v !== null && 'violations' in v && Array.isArray(v.violations);
}

/** Run axe on the page as it is now; returns the critical and serious violations. */
export async function seriousViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    // evaluated through the DevTools protocol, not as an inline <script>: the app's CSP refuses
    // inline scripts (and the CSP check would rightly fail the journey on one)
    await page.evaluate(AXE_SOURCE);
  }
  const reply: unknown = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  if (!isAxeReply(reply)) {
    throw new Error('axe-core returned no result');
  }
  return reply.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`),
    }));
}

const checked = new WeakMap<Page, Set<string>>();

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname;
}

/**
 * Check the page after a navigation: waits for the network to settle, then fails on critical or
 * serious axe violations. Every journey calls it after each navigation.
 */
export async function expectAccessible(page: Page, label = ''): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // let antd finish its enter animations and colour transitions (their half-faded colours are not the
  // page's): wait until no finite animation runs (spinners loop forever and are left out), at most 3 s
  await page.waitForTimeout(400);
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const found = await seriousViolations(page);
  let set = checked.get(page);
  if (set === undefined) {
    set = new Set();
    checked.set(page, set);
  }
  set.add(pathOf(page.url()));
  if (found.length > 0) {
    const lines = found.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
    throw new Error(
      `axe: ${found.length} serious/critical violation(s) on ${page.url()} ${label}\n${lines.join('\n')}`,
    );
  }
}

/** The paths of this page that were checked. */
export function checkedPaths(page: Page): ReadonlySet<string> {
  return checked.get(page) ?? new Set();
}
