/**
 * Draw benchmarks (issues 4 and 14): the SHA-256 compression rate from openssl beside tickets/s on
 * one core per scanner (checks, key and heap included), the 10M-line frame at k = 100 and 30 000
 * (engine and `ssj draw` end to end), the ratio to a naive per-line crypto.createHash loop,
 * optionally (--national) 189 M lines generated into a pipe beside `wc -l`, and assignment.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg as osLoadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignTeams, hashHex, type PoolEntry } from '@openssj/core';
import { drawFromFile } from '../draw/parallel-draw';
import { scanRange } from '../draw/frame-scan';
import { asTicketHasher, pickLineHasher } from '../draw/line-hasher';
import { loadNative } from '@openssj/server/draw-engine';

/** The repository root (the bench runs `ssj` as users do). */
const REPO = process.cwd();

export interface DrawBenchOptions {
  /** Ids per single-core ticket run (JS paths; noble and crypto.hash use a tenth). */
  readonly tickets?: number;
  /** Lines of the parallel frame draw. */
  readonly frameLines?: number;
  /** Also draw from the 189 M-line national frame generated into a pipe (minutes). */
  readonly national?: boolean;
  readonly nationalLines?: number;
  readonly assignTargets?: number;
  readonly poolSize?: number;
  readonly workers?: number;
  /** Where figures go (default: stdout). */
  readonly print?: (line: string) => void;
}

/** Sizes for a run that ends within a minute. */
export const QUICK_DRAW_BENCH: DrawBenchOptions = {
  tickets: 400_000,
  frameLines: 1_000_000,
  assignTargets: 5_000,
  poolSize: 500,
};

const fmt = (perSec: number): string => `${(perSec / 1e6).toFixed(2)} M/s`;

function opensslCompressions(): number | null {
  try {
    const out = execFileSync('openssl', ['speed', '-evp', 'sha256', '-bytes', '16384', '-seconds', '2'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const m = /^sha256\s+([0-9.]+)k\s*$/m.exec(out);
    return m?.[1] === undefined ? null : (Number(m[1]) * 1000) / 64;
  } catch {
    return null;
  }
}

/** Write n sorted 18-character ids to a file, one per line (spec §4 form). */
export function writeFrame(path: string, n: number): void {
  const fd = openSync(path, 'w');
  try {
    const per = 100_000;
    for (let i = 0; i < n; i += per) {
      let s = '';
      for (let j = i; j < Math.min(n, i + per); j++) {
        s += '9' + String(j).padStart(17, '0') + '\n';
      }
      writeSync(fd, s);
    }
  } finally {
    closeSync(fd);
  }
}

/** CPU seconds of this process (all threads) while `f` runs: robust when the machine is shared. */
async function cpuTime<T>(f: () => Promise<T> | T): Promise<[T, number, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await f();
  const u = process.cpuUsage(c);
  return [r, (performance.now() - t) / 1000, (u.user + u.system) / 1e6];
}

const both = (wall: number, cpu: number): string => `${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`;

/** A child command's wall, CPU and peak RSS, from /usr/bin/time when it exists. */
function timed(shell: string): { wall: number; cpu: number | null; rssMiB: number | null; stdout: string } {
  const useTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = spawnSync(
    'sh',
    ['-c', useTime ? `/usr/bin/time -f 'SSJTIME %e %U %S %M' sh -c '${shell}'` : shell],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const wall = (performance.now() - t) / 1000;
  const m = /SSJTIME ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+)/.exec(r.stderr);
  if (r.status !== 0) {
    throw new Error(`bench command failed: ${shell}\n${r.stderr}`);
  }
  return {
    wall,
    cpu: m === null ? null : Number(m[2]) + Number(m[3]),
    rssMiB: m === null ? null : Number(m[4]) / 1024,
    stdout: r.stdout,
  };
}

/** The naive reference: one crypto.createHash per line over the frame file (no midstate, no batching). */
function naiveLoop(path: string, prefix: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 22);
  let carry = '';
  let n = 0;
  try {
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) {
        break;
      }
      const lines = (carry + buf.toString('utf8', 0, got)).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        createHash('sha256')
          .update(prefix + line.split('\t')[0])
          .digest();
        n++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return n;
}

const loadavg = (): string =>
  osLoadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Run the draw benchmarks and print the figures. */
export async function benchDraw(opts: DrawBenchOptions = {}): Promise<void> {
  const print = opts.print ?? ((l: string) => void process.stdout.write(l + '\n'));
  const tickets = opts.tickets ?? 2_000_000;
  const frameLines = opts.frameLines ?? 10_000_000;
  const national = opts.national ?? false;
  const workers = opts.workers ?? 2;
  const seed = '01382438112797316654';
  const prefix = hashHex(seed);
  const dir = tmpdir();
  const bin = join(REPO, 'packages/cli/bin/ssj.mjs');

  print(
    `draw (ssj-draw/1) · load average ${loadavg()} · ${availableParallelism()} cores · SHA engine ${loadNative()?.shaEngine?.() ?? 'JS'}`,
  );
  const comp = opensslCompressions();
  print(
    `  openssl speed -evp sha256 -bytes 16384: ${comp === null ? 'n/a' : `${((comp * 64) / 1e9).toFixed(2)} GB/s ÷ 64 = ${fmt(comp)} compressions (the limit, one core)`}`,
  );

  // one core: checks + hashing + key + bounded heap, file in page cache
  const path = join(dir, `ssj-bench-${process.pid}-tickets.txt`);
  writeFrame(path, tickets);
  try {
    const rates: Record<string, number> = {};
    for (const choice of ['native', 'js'] as const) {
      const n = choice === 'js' ? Math.ceil(tickets / 4) : tickets;
      try {
        const [, , cpu] = await cpuTime(() =>
          scanRange({ path, start: 0, end: n * 19, prefixHex64: prefix, k: 1000, withUnits: false }, choice),
        );
        rates[`scanner ${choice}`] = n / cpu;
      } catch {
        print(`  tickets/s, one core, ${choice}: n/a (addon not built)`);
      }
    }
    const naiveN = Math.ceil(tickets / 10);
    const naivePath = join(dir, `ssj-bench-${process.pid}-naive.txt`);
    writeFrame(naivePath, naiveN);
    const [, , naiveCpu] = await cpuTime(() => naiveLoop(naivePath, prefix));
    rmSync(naivePath, { force: true });
    const naive = naiveN / naiveCpu;
    print(
      `  tickets per CPU-second, checks, key and heap included (naive per-line crypto.createHash loop: ${fmt(naive)}):`,
    );
    for (const [name, r] of Object.entries(rates)) {
      print(
        `    ${name.padEnd(16)} ${fmt(r).padStart(10)}  ×${(r / naive).toFixed(1)} naive${comp === null ? '' : `, ${((100 * r) / comp).toFixed(0)} % of the compression rate (goal ≥ 50 %)`}`,
      );
    }
  } finally {
    rmSync(path, { force: true });
  }

  // the 10M-line frame: in-process (wall and CPU of all threads), then `ssj draw` end to end
  const framePath = join(dir, `ssj-bench-${process.pid}-frame.txt`);
  writeFrame(framePath, frameLines);
  try {
    const lines = frameLines.toLocaleString('en');
    for (const k of [100, 30_000]) {
      const [r, secs, cpu] = await cpuTime(() => drawFromFile({ path: framePath, seed, size: k, workers }));
      const e2e = timed(`node ${bin} draw --seed ${seed} --size ${k} ${framePath} > /dev/null`);
      print(
        `  ${lines}-line frame, k = ${k.toLocaleString('en')}: engine ${both(secs, cpu)} on ${workers} workers (${fmt(frameLines / secs)}, scanner ${r.ok ? r.scanner : 'error'}); ` +
          `\`ssj draw\` end to end ${e2e.wall.toFixed(2)} s wall${e2e.cpu === null ? '' : `, ${e2e.cpu.toFixed(2)} s CPU`} (goal ≤ 3 s busy, ≤ 1.5 s quiet)`,
      );
    }
    const [, naiveSecs, naiveCpu] = await cpuTime(() => naiveLoop(framePath, prefix));
    const [, drawSecs, drawCpu] = await cpuTime(() =>
      drawFromFile({ path: framePath, seed, size: 30_000, workers }),
    );
    print(
      `  naive per-line crypto.createHash loop over the same frame: ${both(naiveSecs, naiveCpu)}; the draw is ×${(naiveSecs / drawSecs).toFixed(1)} faster in wall time, ×${(naiveCpu / drawCpu).toFixed(1)} in CPU`,
    );
  } finally {
    rmSync(framePath, { force: true });
  }

  if (national) {
    const n = opts.nationalLines ?? 189_000_000;
    const k = Math.ceil(n / 100);
    // 18-digit ids, all the same length, so numeric order is byte order: a §4 frame, generated into a pipe
    const gen = `seq 100000000000000000 ${(100000000000000000n + BigInt(n) - 1n).toString()}`;
    print(
      `  national: ${n.toLocaleString('en')} lines from \`${gen}\` into a pipe (no file), k = 1 % = ${k.toLocaleString('en')} · load ${loadavg()}`,
    );
    const wc = timed(`${gen} | /usr/bin/time -f "SSJTIME %e %U %S %M" wc -l > /dev/null`);
    const draw = timed(
      `${gen} | /usr/bin/time -f "SSJTIME %e %U %S %M" node ${bin} draw --seed ${seed} --size ${k} - > /dev/null`,
    );
    const cpu = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(1)} s`);
    const rss = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(0)} MiB`);
    print(`    wc -l    : ${wc.wall.toFixed(1)} s wall, wc CPU ${cpu(wc.cpu)}, peak RSS ${rss(wc.rssMiB)}`);
    print(
      `    ssj draw : ${draw.wall.toFixed(1)} s wall, ssj CPU ${cpu(draw.cpu)}, peak RSS ${rss(draw.rssMiB)} · ×${(draw.wall / wc.wall).toFixed(2)} wc -l (goal ≤ 1.5×, ≤ 1024 MiB) · load ${loadavg()}`,
    );
  }

  // assignment: targets × pool pair tickets (spec §5)
  const nTargets = opts.assignTargets ?? 100_000;
  const poolSize = opts.poolSize ?? 500;
  const depts = ['500112-SCJG', '500112-MZ', '500112-XF', '500112-WJ'];
  const pool: PoolEntry[] = Array.from({ length: poolSize }, (_, i) => ({
    id: 'B' + String(i).padStart(6, '0'),
    department: depts[i % depts.length] ?? '',
    unit: i % 3 === 0 ? null : `U${i % 10}`,
    capacity: i % 2 === 0 ? null : Math.ceil((nTargets * 3) / poolSize),
    fallback: i >= poolSize * 0.9,
  }));
  const targets = Array.from({ length: nTargets }, (_, i) => ({
    id: '9' + String(i * 7919).padStart(17, '0'),
    unit: `U${i % 10}`,
  }));
  const pairExclusions = targets
    .slice(0, 1000)
    .map((t, i) => ({ target: t.id, inspector: pool[i % poolSize]?.id ?? '' }));
  const quota = { '500112-SCJG': 2, '500112-MZ': 1 };
  const best = pickLineHasher('auto');
  const hasher = best === null ? undefined : asTicketHasher(best);
  const [teams, secs, cpu] = await cpuTime(() =>
    assignTeams(
      {
        seed,
        targets,
        pool,
        quota,
        pairExclusions,
        jurisdictionRule: true,
      },
      hasher,
    ),
  );
  const unfilled = teams.filter((x) => x.status === 'unfilled').length;
  print(
    `  assignment ${nTargets.toLocaleString('en')} targets × ${poolSize} inspectors, one core: ${both(secs, cpu)} (${unfilled.toLocaleString('en')} unfilled, hasher ${hasher?.name ?? 'noble'}; only eligible inspectors are hashed)`,
  );
  print(`    ${explainUnfilled(nTargets, pool, quota, unfilled)}`);
}

/**
 * Why targets stay unfilled: each quota department needs targets × quota[d] seats; when all of its
 * inspectors (primary and fallback) have a capacity, the seats beyond their sum cannot be filled.
 */
export function explainUnfilled(
  targets: number,
  pool: readonly PoolEntry[],
  quota: Readonly<Record<string, number>>,
  unfilled: number,
): string {
  let bound = 0;
  const parts: string[] = [];
  for (const [d, q] of Object.entries(quota)) {
    const members = pool.filter((p) => p.department === d);
    const unlimited = members.some((p) => p.capacity === null);
    const seats = members.reduce((a, p) => a + (p.capacity ?? 0), 0);
    const need = targets * q;
    if (!unlimited && seats < need) {
      bound = Math.max(bound, Math.ceil((need - seats) / q));
    }
    parts.push(
      `${d}: ${need.toLocaleString('en')} seats needed, ${unlimited ? 'unlimited' : seats.toLocaleString('en')} available`,
    );
  }
  const verdict =
    unfilled === bound
      ? `so exactly ${bound.toLocaleString('en')} targets must stay unfilled: the bench's pool is too small for its quota (capacity), not a defect`
      : unfilled > bound
        ? `capacity explains ${bound.toLocaleString('en')}; the other ${(unfilled - bound).toLocaleString('en')} come from exclusions and the jurisdiction rule`
        : `fewer than the capacity bound ${bound.toLocaleString('en')}: a defect`;
  return `why: ${parts.join('; ')} — ${verdict}`;
}
