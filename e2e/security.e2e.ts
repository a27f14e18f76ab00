/**
 * Journey (issue 10 §2, §4): the real server sends its security headers; the app and the API docs
 * run under the Content-Security-Policy (the harness fails any journey that breaks it, and this
 * file shows the harness does catch a violation); a demo deployment says 演示环境; an account the
 * system administrator creates must choose its own password at its first login.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CspViolationError, launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD } from './support/accounts';
import { login } from './support/journey';

async function loginApi(base: string, username: string): Promise<Record<string, string>> {
  const s = await login(base, username, DEMO_PASSWORD);
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
}

describe('security at the door (pglite)', () => {
  const base = () => inject('pgliteUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('serves the app with CSP, frame and type options, and says it is a demo', async () => {
    const r = await fetch(`${base()}/`);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const health: unknown = await (await fetch(`${base()}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, demo: true });
  });

  it('the harness catches a CSP violation (an injected inline script)', async () => {
    const probe = await launch();
    const page = await probe.newPage();
    await page.goto(`${base()}/login`);
    await page.getByLabel('用户名').waitFor();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
    });
    await expect.poll(() => probe.cspViolations().length).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'inlineRan' in window || '__inlineRan' in window)).toBe(false);
    await expect(probe.close()).rejects.toThrow(CspViolationError);
  });

  it('the API docs (Swagger UI) work under the CSP', async () => {
    const page = await browser.newPage();
    await page.goto(`${base()}/api/docs`);
    await page.getByText('OpenSSJ API').first().waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(10);
    await shot(page, 'security-api-docs');
    expect(browser.cspViolations()).toEqual([]);
    await page.close();
  });

  it('a new account chooses its own password at the first login, then sees the demo banner', async () => {
    const sys = await loginApi(base(), 'sysadmin');
    const username = `e2e${Date.now().toString(36)}`;
    const created = await fetch(`${base()}/api/users`, {
      method: 'POST',
      headers: sys,
      body: JSON.stringify({
        username,
        displayName: '新同事',
        departmentCode: '500112-SCJG',
        roles: ['leader'],
        password: 'Initial#pass2026',
      }),
    });
    expect(created.status).toBe(201);

    const page = await browser.newPage();
    await page.goto(`${base()}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Initial#pass2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/change-password/);
    await page.getByText('您的密码由管理员设置').waitFor();
    // the console is closed until the password is changed
    await page.goto(`${base()}/console`);
    await page.waitForURL(/\/change-password/);
    await page.getByLabel('当前密码').fill('Initial#pass2026');
    await page.getByLabel('新密码', { exact: true }).fill('Chosen#pass2026');
    await page.getByLabel('确认新密码').fill('Chosen#pass2027');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await shot(page, 'security-change-password');
    await page.getByLabel('确认新密码').fill('Chosen#pass2026');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/login/);
    await page.getByText('密码已修改，请用新密码重新登录').waitFor();

    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Chosen#pass2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('退出登录').first().waitFor({ state: 'attached' });
    await page.getByText('演示环境：数据均为虚构').waitFor();
    await shot(page, 'security-demo-banner');
    expect(browser.cspViolations()).toEqual([]);
    await page.close();
  });
});
