/**
 * Helpers for the draw/verify CLI tests: run `ssj` as a child process (the compiled bin, as users do),
 * write generated frame files, and load the spec vectors from core's fixture copy.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'packages/cli/bin/ssj.mjs');

/** Exit code, stdout and stderr of one `ssj` run. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `node packages/cli/bin/ssj.mjs ...args`, optionally with bytes on stdin. */
export function ssj(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, env: { ...process.env, ...env }, maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 99;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) {
      child.stdin?.end(input);
    }
  });
}

/** A fresh temporary directory. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ssj-draw-test-'));
}

/** Write a file and return its path. */
export function put(dir: string, name: string, text: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** n sorted USCC-like ids. */
export function generatedIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => '91500112' + String(i).padStart(10, '0'));
}

const vectorsSchema = z.object({
  cases: z.record(
    z.string(),
    z.object({ frameFiles: z.record(z.string(), z.string()), record: z.record(z.string(), z.unknown()) }),
  ),
});

/** The spec vectors (core's fixture copy). */
export function vectors(): z.infer<typeof vectorsSchema> {
  return vectorsSchema.parse(
    JSON.parse(readFileSync(join(REPO, 'packages/core/test/draw/fixtures/draw-v1-vectors.json'), 'utf8')),
  );
}
