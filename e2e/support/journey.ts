/**
 * Helpers the journeys share: API sessions (cookie + CSRF token), logging in through the login page,
 * waiting for visible text, the open antd dropdown, a small PNG made on the fly and Shanghai dates.
 */
import { expect } from 'vitest';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Browser } from './browser';
import { DEMO_PASSWORD as PASSWORD } from './accounts';

export const LONG = { timeout: 60_000 } as const;

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export async function login(base: string, username: string, password = PASSWORD): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(r.status, `login ${username}`).toBe(200);
  const body: unknown = await r.json();
  const csrf =
    typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string'
      ? body.csrfToken
      : '';
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf };
}

export async function api<T>(
  base: string,
  s: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as T };
}

/** A small valid PNG (16×16, green), made here so the journey needs no fixture file. */
export function png(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(
    Array.from({ length: 16 }, () =>
      Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 16 }, () => [40, 160, 80]).flat())]),
    ),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Date (Asia/Shanghai) as YYYY-MM-DD. */
export const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Wait until some element with this text is visible. */
export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page
    .getByText(text)
    .first()
    .waitFor({ state: 'visible', ...LONG });
}

/** Log in through the login page (the browser's earlier session is dropped first). */
export async function uiLogin(
  browser: Browser,
  page: Page,
  base: string,
  username: string,
  password = PASSWORD,
): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // the phone layout hides the menu (and 退出登录) in a drawer: wait to leave the login page
  await page.waitForURL((u) => u.pathname.startsWith('/console'), LONG);
}

/** The visible dropdown of an antd select. */
export const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** On a plan awaiting approval: the leader approves, then publishes it, confirming each public step. */
export async function approveAndPublishPlan(page: Page): Promise<void> {
  await page.getByRole('button', { name: '审批通过' }).click();
  await page.getByRole('button', { name: '确认审批通过' }).click(); // issue 11: what becomes public is stated first
  await see(page, '已审批');
  await page.getByRole('button', { name: '公示', exact: true }).click();
  const confirm = page.getByRole('button', { name: '确认公示' });
  // a click during the dialog's opening animation can be lost on a loaded machine: click until it closes
  await expect
    .poll(async () => {
      if (await confirm.isVisible()) {
        await confirm.click({ timeout: 5_000 }).catch(() => undefined);
        await confirm.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
      return confirm.isVisible();
    }, LONG)
    .toBe(false);
  const published = await page
    .getByText('已公示')
    .first()
    .waitFor({ state: 'visible', ...LONG })
    .then(
      () => true,
      () => false,
    );
  if (!published) {
    // say what the page said instead (a refusal, an error), not only that the text never came
    const said = await page.locator('.ant-alert, .ant-message-notice, .ant-tag').allTextContents();
    throw new Error(`the plan did not become 已公示; the page shows: ${said.join(' | ') || '(nothing)'}`);
  }
}

/** On a task page: freeze the frame and the pool. */
export async function freezeTask(page: Page): Promise<void> {
  await page.getByRole('button', { name: '冻结名单并准备摇号' }).click();
  await page.locator('.ant-modal').getByRole('button', { name: '冻结名单并准备摇号' }).click();
  await see(page, '已冻结');
}

/** On a frozen task: commit to live dice (public once confirmed). */
export async function commitToDice(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '现场掷骰' }).check();
  await page.getByRole('button', { name: '提交承诺（公示）' }).click();
  await page.getByRole('button', { name: '确认提交承诺' }).click();
  await see(page, '已承诺');
}

/**
 * From a committed task: open the ceremony, read in the dice and a witness, and draw; resolves with
 * the draw's id once the page says how many targets were drawn.
 */
export async function drawWithDice(page: Page, dice: string, witness: string): Promise<string> {
  await page.getByRole('button', { name: '进入摇号仪式' }).click();
  await page.waitForURL(/\/ceremony\//, LONG);
  await see(page, '取得种子并摇号');
  await page.getByPlaceholder(/输入骰子读数/).fill(dice);
  await see(page, `已输入 ${dice.replace(/\D/g, '').length} 位（至少 20 位）`);
  await page.getByPlaceholder('见证人姓名').first().fill(witness);
  await page.getByRole('button', { name: '开始摇号' }).click();
  await page.getByRole('button', { name: '确认开始摇号' }).click();
  await see(page, /摇号完成：抽中 \d+ 户/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/**
 * On a visit form whose checklist is answered: result 未发现问题 with the note, a photo in every
 * photo control, saved; the business refuses to sign (with the reason); the inspector confirms.
 */
export async function recordNoProblem(page: Page, note: string, refusal: string): Promise<void> {
  await page.getByLabel('检查结果').first().click();
  await dropdown(page).getByTitle('未发现问题').click();
  await page.getByLabel('检查情况记录').first().fill(note);
  for (const input of await page.getByTestId('photo-input').all()) {
    await input.setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: png() });
  }
  await page.getByRole('button', { name: '保存' }).first().click();
  await see(page, '已保存到服务器');
  await page.getByText('拒绝签字').click();
  await page.getByPlaceholder('拒签情况说明').fill(refusal);
  await page.getByRole('button', { name: '记录拒签' }).click();
  await see(page, '已记录拒签');
  await page.getByRole('button', { name: '本人确认检查记录' }).click();
  await expect.poll(() => page.locator('.ant-tag-green', { hasText: '已确认' }).count(), LONG).toBe(1);
}

/** On the workbench: follow a to-do item (by its kind, e.g. reviews_pending) to its page. */
export async function openTodo(page: Page, kind: string): Promise<void> {
  await page
    .locator(`[data-todo="${kind}"]`)
    .getByRole('link', { name: /去处理/ })
    .click();
}

/** On 结果复核: open the review of the visit to the named target. */
export async function openReview(page: Page, targetName: string, visitId: string): Promise<void> {
  await page.locator('tr', { hasText: targetName }).getByRole('link', { name: '复核', exact: true }).click();
  await page.waitForURL(new RegExp(`/console/reviews/${visitId}`), LONG);
}

/**
 * Through the API, as the demo's 500112 admin and leader: a new plan of this year with one task over
 * 500112 (the first published item of 500112-SCJG, `ratio` of the frame, a 20-day window from
 * today), submitted and approved; the task's draw frozen and committed to `seedSource`.
 */
export async function committedTask(
  base: string,
  admin: Session,
  leader: Session,
  opts: { planTitle: string; title: string; ratio: string; seedSource: 'dice' | 'system' },
): Promise<{ planId: string; taskId: string; drawId: string }> {
  const items = await api<{ items: { id: string }[] }>(
    base,
    admin,
    'GET',
    '/api/items?published=true&department=500112-SCJG&limit=1',
  );
  const itemId = items.json.items[0]?.id;
  expect(itemId, 'a published item of 500112-SCJG').toBeDefined();
  const now = new Date();
  const plan = await api<{ id: string }>(base, admin, 'POST', '/api/plans', {
    year: now.getFullYear(),
    title: opts.planTitle,
  });
  expect(plan.status, JSON.stringify(plan.json)).toBe(201);
  const task = await api<{ id: string }>(base, admin, 'POST', `/api/plans/${plan.json.id}/tasks`, {
    title: opts.title,
    itemIds: [itemId],
    scope: { divisions: ['500112'] },
    strata: [{ name: 'all', tiers: null, ratio: opts.ratio }],
    windowStart: iso(now),
    windowEnd: iso(new Date(now.getTime() + 20 * 86_400_000)),
  });
  expect(task.status, JSON.stringify(task.json)).toBe(201);
  for (const [who, action] of [
    [admin, 'submit'],
    [leader, 'approve'],
  ] as const) {
    const r = await api(base, who, 'POST', `/api/plans/${plan.json.id}/actions`, { action });
    expect(r.status, `${action}: ${JSON.stringify(r.json)}`).toBe(200);
  }
  const frozen = await api<{ id: string }>(base, admin, 'POST', `/api/tasks/${task.json.id}/draws`, {});
  expect(frozen.status, JSON.stringify(frozen.json)).toBe(201);
  const commit = await api(base, admin, 'POST', `/api/draws/${frozen.json.id}/commit`, {
    seedSource: opts.seedSource,
  });
  expect(commit.status, JSON.stringify(commit.json)).toBe(200);
  return { planId: plan.json.id, taskId: task.json.id, drawId: frozen.json.id };
}

/** Wait until the task form's live estimate (名录约 n 户) shows between `min` and `max` targets. */
export async function waitForLiveFrame(page: Page, min: number, max: number): Promise<void> {
  await page.waitForFunction(
    ([lo, hi]) => {
      const m = /名录约 (\d+) 户/.exec(
        document.querySelector('[data-testid="live-frame"]')?.textContent ?? '',
      );
      return m !== null && Number(m[1]) >= lo && Number(m[1]) <= hi;
    },
    [min, max] as const,
    LONG,
  );
}
