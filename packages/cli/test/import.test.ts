/**
 * `ssj import` exit codes on PGlite (the CLI's default database): 0 all accepted, 1 bad rows
 * (nothing written; --valid-only writes the good ones), 2 unusable input.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeUscc } from '@openssj/core';
import { describe, expect, it } from 'vitest';
import { put, ssj } from './draw-helpers';

const HEADER =
  '统一社会信用代码,对象编码,名称,对象类型,行政区划代码,地址,行业代码,法定代表人,登记状态,监管单位,信用风险等级,标签';
function uscc(n: number): string {
  return completeUscc(`91500112MA${n.toString().padStart(7, '0')}`) ?? '';
}
function line(n: number, tier = 'B'): string {
  return `${uscc(n)},,重庆命令行${n}号有限公司,企业,500112,渝北区,5211,李四,在营,,${tier},风险预警`;
}

describe('ssj import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssj-import-cli-'));
  const env = { SSJ_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const good = put(dir, 'good.csv', [HEADER, line(1), line(2)].join('\n'));
  const bad = put(dir, 'bad.csv', [HEADER, line(3), line(4, 'Z'), line(3)].join('\n'));

  it('exit 0 and counts; re-import reports unchanged', async () => {
    const a = await ssj(['import', 'targets', good], env);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('added 2, 更新 updated 0, 未变 unchanged 0');
    const b = await ssj(['import', 'targets', good], env);
    expect(b.stdout).toContain('added 0, 更新 updated 0, 未变 unchanged 2');
  });

  it('exit 1 with the bad rows printed and nothing written; --valid-only writes the good rows', async () => {
    const a = await ssj(['import', 'targets', bad], env);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('第 3 行「信用风险等级」（Z）');
    expect(a.stdout).toContain('第 4 行「统一社会信用代码」');
    expect(a.stdout).toContain('nothing was written');
    const d = await ssj(['import', 'targets', bad, '--valid-only', '--dry-run'], env);
    expect(d.code, d.stderr).toBe(1);
    expect(d.stdout).toContain('dry run');
    const v = await ssj(['import', 'targets', bad, '--valid-only'], env);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('added 1');
    expect(v.stdout).toContain('rejected 2 of 3');
  });

  it('exit 2 on unusable input', async () => {
    const xls = put(dir, 'old.xls', 'whatever');
    const noCol = put(dir, 'nocol.csv', '名称,对象类型\nx,企业\n');
    const [a, b, c, d] = await Promise.all([
      ssj(['import', 'targets', xls], env),
      ssj(['import', 'targets', join(dir, 'missing.csv')], env),
      ssj(['import', 'widgets', good], env),
      ssj(['import', 'targets'], env),
    ]);
    expect(a.code, a.stderr).toBe(2);
    expect(a.stderr).toContain('.xlsx');
    expect(b.code).toBe(2);
    expect(c.code).toBe(2);
    expect(d.code).toBe(2);
    const e = await ssj(['import', 'targets', noCol], env);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('缺少必填列「行政区划代码」');
  });
});
