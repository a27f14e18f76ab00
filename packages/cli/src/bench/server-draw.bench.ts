/**
 * Server draw bench (issue 18 part 3, first step): a synthetic N-line frame drawn the way the server
 * draws — runDrawOffThread (worker thread, native hasher) — against today's former path (runDraw on
 * the event loop with node:crypto), with event-loop delay p50/p99/max sampled during each run, beside
 * sha256sum of the same frame. Freeze, commit and the API round trip are not measured here yet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { runDraw, type DrawInput } from '@openssj/core';
import { nodeTicketHasher, runDrawOffThread } from '@openssj/server/bench';

export interface ServerDrawBenchOptions {
  readonly targets: number;
  readonly log?: (line: string) => void;
}

function frameOf(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(`91330100${String(i).padStart(10, '0')}`);
  }
  return lines.join('\n') + '\n';
}

/** Run f while a 5 ms timer measures how late its ticks come (a blocked loop shows as one long gap). */
async function sampled<T>(
  f: () => Promise<T>,
): Promise<{ value: T; ms: number; p50: number; p99: number; max: number }> {
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  await pause(20);
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  await pause(20);
  clearInterval(timer);
  gaps.sort((a, b) => a - b);
  const q = (p: number): number => gaps[Math.min(gaps.length - 1, Math.floor((gaps.length * p) / 100))] ?? 0;
  return { value, ms, p50: q(50), p99: q(99), max: gaps.at(-1) ?? 0 };
}

/** Run the bench and print its figures. */
export async function benchServerDraw(opts: ServerDrawBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const frame = frameOf(opts.targets);
  const input: DrawInput = {
    drawId: 'bench-draw',
    taskId: 'bench-task',
    strata: [{ name: 'all', ratio: '0.05', frame }],
    quota: { D: 2 },
    jurisdictionRule: false,
    pool: Array.from({ length: 200 }, (_, i) => ({
      id: `I${String(i).padStart(4, '0')}`,
      department: 'D',
      unit: null,
      capacity: 1000,
      fallback: false,
    })),
    pairExclusions: [],
    seedSource: 'dice',
    seedPlan: 'bench dice',
    committedAt: '2026-01-01T00:00:00.000Z',
    seed: '31415926535897932384626433832795',
    drawnAt: '2026-01-01T01:00:00.000Z',
  };
  const dir = mkdtempSync(join(tmpdir(), 'ssj-bench-server-draw-'));
  try {
    const file = join(dir, 'frame.txt');
    writeFileSync(file, frame);
    const t = performance.now();
    execFileSync('sha256sum', [file]);
    const shaMs = performance.now() - t;
    log(`frame: ${opts.targets.toLocaleString('en')} lines, ${(frame.length / 1e6).toFixed(1)} MB`);
    log(`  sha256sum of the frame file: ${shaMs.toFixed(0)} ms`);
    // the former path: on the event loop, node:crypto per id (the loop is blocked: max ≈ the run)
    const before = await sampled(() => Promise.resolve(runDraw(input, nodeTicketHasher())));
    const after = await sampled(() => runDrawOffThread(input));
    if (!after.value.result.ok) {
      log(`  the draw was refused: ${after.value.result.error.messageEn}`);
    }
    const same = JSON.stringify(before.value) === JSON.stringify(after.value.result);
    for (const [name, r] of [
      ['before: event loop, node:crypto', before],
      [`after: ${after.value.inWorker ? 'worker' : 'this thread'}, ${after.value.hasher}`, after],
    ] as const) {
      log(
        `  ${name.padEnd(36)} run ${r.ms.toFixed(0).padStart(6)} ms · event-loop delay p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms`,
      );
    }
    log(`  records identical: ${same ? 'yes' : 'NO'} · goal: event-loop p99 ≤ 50 ms during a draw`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
