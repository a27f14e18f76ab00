/**
 * `ssj bench [draw|server-draw|targets|risk|dashboard|search|portal|log|alerts|all] [--quick] [--national] [--database-url URL] [--rate N] [--seconds N]`: run the
 * benchmarks and print their figures. Speed targets live here, never in tests. `--national` adds the
 * minutes-long 189 M-line draw from a pipe to the draw suite.
 */
import process from 'node:process';
import { benchDraw, QUICK_DRAW_BENCH } from '../bench/draw.bench';
import { benchRisk } from '../bench/risk.bench';
import { benchServerDraw } from '../bench/server-draw.bench';
import { benchTargets } from '../bench/targets.bench';
import { benchDashboard } from '../bench/dashboard.bench';
import { benchSearch } from '../bench/search.bench';
import { benchPortal } from '../bench/portal.bench';
import { benchLog } from '../bench/log.bench';
import { benchAlerts } from '../bench/alerts.bench';

const SUITES = [
  'draw',
  'server-draw',
  'targets',
  'risk',
  'dashboard',
  'search',
  'portal',
  'log',
  'alerts',
] as const;
type Suite = (typeof SUITES)[number];

function isSuite(s: string): s is Suite {
  return (SUITES as readonly string[]).includes(s);
}

/** Run the chosen suites (all by default). */
export async function run(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const urlIdx = argv.indexOf('--database-url');
  const databaseUrl =
    (urlIdx >= 0 ? argv[urlIdx + 1] : undefined) ??
    process.env['TEST_DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/test';
  const valueOf = (flag: string): number | undefined => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? Number(argv[i + 1]) : NaN;
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const VALUED = new Set(['--database-url', '--rate', '--seconds']);
  const names = argv.filter((a, i) => !a.startsWith('--') && !VALUED.has(argv[i - 1] ?? ''));
  const unknown = names.filter((n) => n !== 'all' && !isSuite(n));
  if (unknown.length > 0) {
    process.stderr.write(
      `ssj bench: unknown suite ${unknown.join(', ')}; choose from ${SUITES.join(', ')}, all\n`,
    );
    return 2;
  }
  const chosen: Suite[] = names.length === 0 || names.includes('all') ? [...SUITES] : names.filter(isSuite);
  const line = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  line(`OpenSSJ bench (${quick ? 'quick' : 'full'}) · node ${process.version} · ${new Date().toISOString()}`);
  for (const suite of chosen) {
    line(`\n== ${suite} ==`);
    switch (suite) {
      case 'draw':
        await benchDraw({ ...(quick ? QUICK_DRAW_BENCH : {}), national: argv.includes('--national') });
        break;
      case 'server-draw':
        await benchServerDraw({ targets: quick ? 100_000 : 1_000_000, databaseUrl });
        break;
      case 'targets':
        await benchTargets({ rows: quick ? 50_000 : 1_000_000, databaseUrl });
        break;
      case 'risk':
        await benchRisk({ targets: quick ? 50_000 : 1_000_000, databaseUrl });
        break;
      case 'dashboard':
        await benchDashboard({ inspections: quick ? 100_000 : 1_000_000, databaseUrl });
        break;
      case 'search':
        await benchSearch({
          targets: quick ? 50_000 : 1_000_000,
          databaseUrl,
          ...(quick ? { seconds: 3 } : {}),
        });
        break;
      case 'portal':
        await benchPortal({
          targets: quick ? 50_000 : 1_000_000,
          databaseUrl,
          rate: valueOf('--rate') ?? 500,
          seconds: valueOf('--seconds') ?? (quick ? 10 : 60),
        });
        break;
      case 'log':
        await benchLog({ entries: quick ? 100_000 : 1_000_000, databaseUrl });
        break;
      case 'alerts':
        await benchAlerts({
          databaseUrl,
          seconds: valueOf('--seconds') ?? (quick ? 10 : 60),
          rate: valueOf('--rate') ?? 200,
        });
        break;
    }
  }
  return 0;
}
