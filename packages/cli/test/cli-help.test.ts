/** Every `ssj` verb answers `--help` with its usage and exit 0; `ssj --version` answers too. */
import { describe, expect, it } from 'vitest';
import { ssj } from './draw-helpers';

describe('ssj --help', () => {
  it('lists the verbs, and each verb answers --help and -h with its usage and exit 0', async () => {
    const top = await ssj(['--help']);
    expect(top.code).toBe(0);
    const verbs = [...top.stdout.matchAll(/^ {2}ssj (\w+) /gm)].map((m) => m[1] ?? '');
    expect(verbs).toEqual(expect.arrayContaining(['serve', 'draw', 'verify', 'audit', 'bench', 'import']));
    const runs = await Promise.all(verbs.flatMap((v) => [ssj([v, '--help']), ssj([v, '-h'])]));
    runs.forEach((r, i) => {
      const verb = verbs[Math.floor(i / 2)] ?? '';
      expect(r.code, verb).toBe(0);
      expect(r.stdout, verb).toMatch(new RegExp(`^usage: ssj ${verb}\\b`));
      expect(r.stderr, verb).toBe('');
    });
  });

  it('answers --version, and exit 2 for an unknown verb', async () => {
    const v = await ssj(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^ssj \d+\.\d+\.\d+\n$/);
    const u = await ssj(['nosuchverb']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('unknown command "nosuchverb"');
  });
});
