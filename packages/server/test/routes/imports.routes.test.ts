/**
 * Import routes on both engines: template download, upload → job → counts, per-row issues
 * in Chinese with nothing written, the xlsx error report, .xls refusal, and access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES } from '../../src/db/test-databases';
import { importJobViewSchema, waitForJob } from '../../src/contexts/library/import.service';
import { companyRow, csvBytes, TEMPLATE_HEADER, loadXlsx } from '../imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { multipartFile } from '../support/multipart';

describe.each(ENGINES)('import routes on %s', (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminB: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await loginAs(t.app, 'admin_a');
    adminB = await loginAs(t.app, 'admin_b');
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(file: { name: string; bytes: Buffer }, query: string, who: LoggedIn = admin) {
    const m = multipartFile(file.name, file.bytes);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports?${query}`,
      headers: { ...who.headers, ...m.headers },
      payload: m.payload,
    });
    return res;
  }
  async function finished(jobId: string, who: LoggedIn = admin) {
    await waitForJob(t.database, jobId);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/imports/jobs/${jobId}`,
      headers: who.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return importJobViewSchema.parse(res.json());
  }
  const jobIdOf = (body: unknown) => z.object({ jobId: z.string() }).parse(body).jobId;
  const total = async () =>
    z
      .object({ total: z.number() })
      .parse((await t.app.inject({ method: 'GET', url: '/api/targets', headers: admin.headers })).json())
      .total;

  it('downloads the targets template with the exact headers and an example row', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/targets',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const wb = await loadXlsx(res.rawPayload);
    const ws = wb.worksheets[0];
    const head: string[] = [];
    ws?.getRow(1).eachCell((c) => head.push(c.text));
    expect(head).toEqual(TEMPLATE_HEADER);
    expect(ws?.getRow(2).getCell(1).value).toBe('91500112MA5U7XX47L');
  });

  it('imports a good file and reports counts', async () => {
    const res = await upload(
      { name: '对象.csv', bytes: csvBytes([TEMPLATE_HEADER, companyRow(1), companyRow(2)]) },
      'kind=targets',
    );
    expect(res.statusCode, res.body).toBe(201);
    const job = await finished(jobIdOf(res.json()));
    expect(job).toMatchObject({
      status: 'done',
      fileName: '对象.csv',
      counts: { added: 2, updated: 0, unchanged: 0, rejected: 0, written: true },
    });
    expect(await total()).toBe(2);
  });

  it('a bad file: per-row issues in Chinese, nothing written, downloadable report', async () => {
    const bad = [...companyRow(3)];
    bad[0] = '91500112MA5U7XX47A';
    const res = await upload(
      { name: 'bad.csv', bytes: csvBytes([TEMPLATE_HEADER, companyRow(4), bad]) },
      'kind=targets&mode=all-or-nothing',
    );
    const job = await finished(jobIdOf(res.json()));
    expect(job.status).toBe('rejected');
    expect(job.counts).toMatchObject({ written: false, rejected: 1, accepted: 1 });
    expect(job.issues[0]).toMatchObject({ row: 3, column: '统一社会信用代码' });
    expect(job.issues[0]?.messageZh).toMatch(/校验位错误：应为 L/);
    expect(await total()).toBe(2);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/jobs/${job.id}/report`,
      headers: admin.headers,
    });
    expect(report.statusCode).toBe(200);
    const wb = await loadXlsx(report.rawPayload);
    expect(wb.worksheets[0]?.getRow(2).getCell(1).value).toBe(3);
    expect(wb.worksheets[0]?.getRow(2).getCell(4).text).toMatch(/校验位错误/);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/imports/jobs/${job.id}`, headers: adminB.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('valid-only writes the good rows; dry-run writes nothing', async () => {
    const bad = [...companyRow(6)];
    bad[10] = 'Z';
    const v = await finished(
      jobIdOf(
        (
          await upload(
            { name: 'v.csv', bytes: csvBytes([TEMPLATE_HEADER, companyRow(5), bad]) },
            'kind=targets&mode=valid-only',
          )
        ).json(),
      ),
    );
    expect(v).toMatchObject({ status: 'done', counts: { added: 1, rejected: 1, written: true } });
    const d = await finished(
      jobIdOf(
        (
          await upload(
            { name: 'd.csv', bytes: csvBytes([TEMPLATE_HEADER, companyRow(7)]) },
            'kind=targets&dryRun=true',
          )
        ).json(),
      ),
    );
    expect(d).toMatchObject({ status: 'done', dryRun: true, counts: { added: 1, written: false } });
    expect(await total()).toBe(3);
  });

  it('refuses an .xls file with a message asking for .xlsx', async () => {
    const res = await upload(
      { name: 'old.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
      'kind=targets',
    );
    const job = await finished(jobIdOf(res.json()));
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/另存为.*\.xlsx/);
  });

  it('rejects a request without a file as 400, never 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=targets',
      headers: admin.headers,
      payload: { x: 1 },
    });
    expect(res.statusCode).toBe(400);
  });
});
