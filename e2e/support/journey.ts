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
