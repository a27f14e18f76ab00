/**
 * Draw benchmarks (issue 4 "Speed"): the SHA-256 compression rate from openssl, tickets/s on one
 * core per hasher path (with key and heap), a 10M-line frame on 2 cores, optionally the 189M-line
 * national register streamed from a file, and 100k targets × 500 inspectors assigned.
 */
import { execFileSync } from 'node:child_process';
import { hash as nodeHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignTeams, hashHex, nobleTicketHasher, selectHeap, type PoolEntry } from '@openssj/core';
import { drawFromFile } from '../draw/parallel-draw';
import { scanRange } from '../draw/frame-scan';
import { asTicketHasher, pickLineHasher, type HasherChoice } from '../draw/line-hasher';

export interface DrawBenchOptions {
  /** Ids per single-core ticket run (JS paths; noble and crypto.hash use a tenth). */
  readonly tickets?: number;
  /** Lines of the parallel frame draw. */
  readonly frameLines?: number;
  /** Also stream the national register (default: env SSJ_BENCH_FULL=1). */
  readonly full?: boolean;
  readonly fullLines?: number;
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

/** Run the draw benchmarks and print the figures. */
export async function benchDraw(opts: DrawBenchOptions = {}): Promise<void> {
  const print = opts.print ?? ((l: string) => void process.stdout.write(l + '\n'));
  const tickets = opts.tickets ?? 2_000_000;
  const frameLines = opts.frameLines ?? 10_000_000;
  const full = opts.full ?? process.env['SSJ_BENCH_FULL'] === '1';
  const workers = opts.workers ?? 2;
  const seed = '01382438112797316654';
  const prefix = hashHex(seed);
  const dir = tmpdir();

  print('draw (ssj-draw/1)');
  const comp = opensslCompressions();
  print(
    `  openssl speed -evp sha256 -bytes 16384: ${comp === null ? 'n/a' : `${((comp * 64) / 1e9).toFixed(2)} GB/s ÷ 64 = ${fmt(comp)} compressions (the limit, one core)`}`,
  );

  // one core: hashing + 19-digit key + bounded heap + line checks, file in page cache
  const path = join(dir, `ssj-bench-${process.pid}-tickets.txt`);
  writeFrame(path, tickets);
  try {
    const rates: Record<string, number> = {};
    for (const choice of ['native', 'js', 'node'] satisfies HasherChoice[]) {
      const h = pickLineHasher(choice);
      if (h === null) {
        print(`  tickets/s, one core, ${choice}: n/a (addon not built)`);
        continue;
      }
      const n = choice === 'node' ? Math.ceil(tickets / 4) : tickets;
      const [, , cpu] = await cpuTime(() =>
        scanRange({ path, start: 0, end: n * 19, prefixHex64: prefix, k: 1000, withUnits: false }, h),
      );
      rates[h.name] = n / cpu;
    }
    const ids = Array.from({ length: Math.ceil(tickets / 10) }, (_, j) => '9' + String(j).padStart(17, '0'));
    const [, , nobleCpu] = await cpuTime(() => selectHeap(seed, ids, 1000, nobleTicketHasher()));
    rates['noble (core default, pure JS)'] = ids.length / nobleCpu;
    const [, , plainCpu] = await cpuTime(() => {
      for (const id of ids) {
        nodeHash('sha256', prefix + id, 'buffer');
      }
    });
    const plain = ids.length / plainCpu;
    print(
      `  tickets per CPU-second, key and heap included (plain per-id crypto.hash loop, hashing only: ${fmt(plain)}):`,
    );
    for (const [name, r] of Object.entries(rates)) {
      print(
        `    ${name.padEnd(32)} ${fmt(r).padStart(10)}  ×${(r / plain).toFixed(2)} plain${comp === null ? '' : `, ${((100 * r) / comp).toFixed(0)} % of the compression rate`}`,
      );
    }
  } finally {
    rmSync(path, { force: true });
  }

  // a 10M-line frame on 2 cores
  const framePath = join(dir, `ssj-bench-${process.pid}-frame.txt`);
  writeFrame(framePath, frameLines);
  try {
    const [r, secs, cpu] = await cpuTime(() =>
      drawFromFile({ path: framePath, seed, size: 30_000, workers }),
    );
    print(
      `  ${frameLines.toLocaleString('en')}-line frame, k = 30,000, ${workers} workers: ${both(secs, cpu)} (${fmt(frameLines / secs)} wall, hasher ${r.ok ? r.hasher : 'error'})`,
    );
  } finally {
    rmSync(framePath, { force: true });
  }

  if (full) {
    const n = opts.fullLines ?? 189_000_000;
    const big = join(dir, `ssj-bench-${process.pid}-national.txt`);
    print(`  writing a ${n.toLocaleString('en')}-line frame …`);
    writeFrame(big, n);
    try {
      const [r, secs, cpu] = await cpuTime(() => drawFromFile({ path: big, seed, size: 1000, workers }));
      const rss = process.resourceUsage().maxRSS / 1024;
      print(
        `  ${n.toLocaleString('en')}-line frame streamed: ${both(secs, cpu)}, max RSS ${rss.toFixed(0)} MiB (hasher ${r.ok ? r.hasher : 'error'})`,
      );
    } finally {
      rmSync(big, { force: true });
    }
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
  const best = pickLineHasher('auto');
  const hasher = best === null ? undefined : asTicketHasher(best);
  const [teams, secs, cpu] = await cpuTime(() =>
    assignTeams(
      {
        seed,
        targets,
        pool,
        quota: { '500112-SCJG': 2, '500112-MZ': 1 },
        pairExclusions,
        jurisdictionRule: true,
      },
      hasher,
    ),
  );
  const unfilled = teams.filter((x) => x.status === 'unfilled').length;
  print(
    `  assignment ${nTargets.toLocaleString('en')} targets × ${poolSize} inspectors, one core: ${both(secs, cpu)} (${unfilled} unfilled, hasher ${hasher?.name ?? 'noble'}; only eligible inspectors are hashed)`,
  );
}
