/**
 * `ssj import` progress (issue 18): off a terminal it prints a line every few seconds and at the
 * end of each phase; on a terminal it redraws one bar.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_LINE_SECONDS, progressReporter } from '../src/commands/import';

describe('import progress', () => {
  it('prints a line every few seconds and at the end of each phase when not on a TTY', () => {
    const out: string[] = [];
    let t = 0;
    const report = progressReporter(
      'targets.csv',
      false,
      (s) => out.push(s),
      () => t,
    );
    report({ phase: 'validating', processed: 10, fraction: 0.1 });
    expect(out).toEqual([]);
    t = PROGRESS_LINE_SECONDS * 1000;
    report({ phase: 'validating', processed: 500, fraction: 0.42 });
    t += 1000;
    report({ phase: 'validating', processed: 900, fraction: 0.9 });
    report({ phase: 'validating', processed: 1000, fraction: 1 });
    report({ phase: 'validating', processed: 1000, fraction: 1 });
    report({ phase: 'writing', processed: 1000, fraction: 1 });
    expect(out).toEqual([
      'targets.csv 校验 validating 42%  500 rows\n',
      'targets.csv 校验 validating 100%  1000 rows\n',
      'targets.csv 写入 writing 100%  1000 rows\n',
    ]);
  });

  it('prints each merge step of a large import as it starts', () => {
    const out: string[] = [];
    let t = 0;
    const report = progressReporter(
      'big.csv',
      false,
      (s) => out.push(s),
      () => t,
    );
    t = PROGRESS_LINE_SECONDS * 1000;
    report({ phase: 'validating', processed: 9000, fraction: 0.99 });
    t += 10;
    report({ phase: 'writing', processed: 9000, fraction: 0.5, step: 'merging' });
    t += 10;
    report({ phase: 'writing', processed: 9000, fraction: 0.5, step: 'merging' });
    report({ phase: 'writing', processed: 9000, fraction: 0.75, step: 'indexing' });
    expect(out).toEqual([
      'big.csv 校验 validating 99%  9000 rows\n',
      'big.csv 合并 merging 50%  9000 rows\n',
      'big.csv 索引 indexing 75%  9000 rows\n',
    ]);
  });

  it('prints nothing off a TTY for an import done within the first interval', () => {
    const out: string[] = [];
    const report = progressReporter(
      't.csv',
      false,
      (s) => out.push(s),
      () => 0,
    );
    report({ phase: 'validating', processed: 2, fraction: 1 });
    report({ phase: 'writing', processed: 2, fraction: 1 });
    expect(out).toEqual([]);
  });

  it('redraws one bar on a TTY', () => {
    const out: string[] = [];
    const report = progressReporter(
      't.csv',
      true,
      (s) => out.push(s),
      () => 1000,
    );
    report({ phase: 'writing', processed: 5, fraction: 0.5 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\rt\.csv 写入 writing {4}\[#{15}\.{15}\] {2}50% {2}5 rows$/);
  });
});
