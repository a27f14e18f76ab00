/**
 * Journey (issue 3): an admin opens 数据导入, uploads a targets CSV with bad rows, reads the
 * per-row errors in Chinese, and nothing is written (all-or-nothing is the default).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';

const HEADER =
  '统一社会信用代码,对象编码,名称,对象类型,行政区划代码,地址,行业代码,法定代表人,登记状态,监管单位,信用风险等级,标签';
// Valid GB 32100 codes (check characters computed with core's completeUscc); the second with a wrong check character.
const good = '91500112MAE2E00015';
const badCheck = '91500112MAE2E00010';
const CSV = [
  HEADER,
  `${good},,重庆端到端测试有限公司,企业,500112,渝北区测试路1号,5211,张三,在营,,B,风险预警`,
  `${badCheck},,校验位错误的公司,企业,500112,,,,在营,,,`,
  `91500112MAE2E00028,,未知区划的公司,企业,509999,,,,在营,,E,`,
].join('\r\n');

describe('import errors journey (pglite)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const width of [1280, 375]) {
    it(`shows per-row errors in Chinese and writes nothing (${width} px)`, async () => {
      const base = inject('pgliteUrl');
      await browser.context.clearCookies(); // a fresh login for each viewport
      const page = await browser.newPage({ width, height: 900 });
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login')); // at 375 px the logout text is folded away
      await page.goto(`${base}/console/imports`);
      await page.getByText('下载导入模板').waitFor();
      await expectAccessible(page, `imports (${width} px)`);
      await shot(page, `import-page-${width}`);
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '检查对象-有误.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByText('存在错误，未写入任何数据').waitFor({ timeout: 60_000 });
      const issues = page.getByTestId('import-issues');
      await expect.poll(() => issues.getByText('校验位错误', { exact: false }).count()).toBeGreaterThan(0);
      await expect
        .poll(() => issues.getByText('不在 GB/T 2260 代码表中', { exact: false }).count())
        .toBeGreaterThan(0);
      await expect
        .poll(() => issues.getByText('信用风险等级应为 A、B、C、D 之一').count())
        .toBeGreaterThan(0);
      await shot(page, `import-errors-${width}`);
      await expectAccessible(page, `import errors (${width} px)`);
      const res = await page.request.get(`${base}/api/targets?uscc=${good}`);
      expect(res.status()).toBe(200);
      const body: unknown = await res.json();
      expect(body).toMatchObject({ total: 0 });
      await page.close();
    });
  }

  it('the target library searches a Chinese name fragment (375 px)', async () => {
    const base = inject('pgliteUrl');
    await browser.context.clearCookies();
    const page = await browser.newPage({ width: 375, height: 900 });
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login')); // at 375 px the logout text is folded away
    await page.goto(`${base}/console/targets`);
    await page.getByPlaceholder('名称（支持中文片段，如「华为」）').fill('重庆');
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .first()
      .click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'target search (375 px)');
    await shot(page, 'targets-search-375');
    await page.close();
  });
});
