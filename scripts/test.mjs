#!/usr/bin/env node
// `npm test`: provision what the tiers need, then typecheck, lint, unit + integration tests
// on both engines (PGlite and PostgreSQL), and the e2e journeys in Debian chromium.
// It never skips a tier silently: the summary names each tier and engine that ran.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import process from 'node:process';
import pg from 'pg';
import { TS_PROJECTS, typecheck } from './typecheck.mjs';

const args = new Set(process.argv.slice(2));
const only = (tier) => args.size === 0 || args.has(`--${tier}`);
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const pgUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const summary = [];
let passed = 0;
let failed = 0;

function log(line) {
  process.stdout.write(`[test] ${line}\n`);
}
function fail(message) {
  process.stderr.write(`\n[test] ✗ ${message}\n`);
  process.stdout.write(`\n${passed} passed, ${failed + 1} failed\n`);
  process.exit(1);
}
function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function run(cmd, argv, opts = {}) {
  log(`$ ${cmd} ${argv.join(' ')}`);
  return spawnSync(cmd, argv, { stdio: 'inherit', ...opts }).status ?? 1;
}

function cjkFontPresent() {
  if (!has('fc-list')) {
    return false;
  }
  const out = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '';
  return out.trim().length > 0;
}

function provisionBrowser() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) {
    missing.push('chromium');
  }
  if (!cjkFontPresent()) {
    missing.push('fonts-noto-cjk');
  }
  if (missing.length === 0) {
    return;
  }
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (isRoot && has('apt-get')) {
    log(`installing ${missing.join(', ')} for the e2e tier`);
    if (
      run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${cmd.replace('install -y', 'install -y -q')}`]) !== 0
    ) {
      fail(`could not install ${missing.join(', ')}; run as root: ${cmd}`);
    }
    return;
  }
  fail(`the e2e tier needs ${missing.join(', ')}; run as root: ${cmd}`);
}

async function canConnect(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (e) {
    return e;
  }
}

async function provisionPostgres() {
  let r = await canConnect(pgUrl);
  if (r === true) {
    return;
  }
  if (process.env.TEST_DATABASE_URL === undefined && existsSync('/etc/postgresql') && has('pg_ctlcluster')) {
    const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0];
    log(`starting the local PostgreSQL ${version} server`);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    for (let i = 0; i < 20 && r !== true; i++) {
      await new Promise((res) => setTimeout(res, 500));
      r = await canConnect(pgUrl);
    }
    if (r === true) {
      return;
    }
    // The server runs but the database may be missing: create it.
    const admin = new URL(pgUrl);
    const dbName = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    if ((await canConnect(admin.toString())) === true) {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`CREATE DATABASE "${dbName.replaceAll('"', '')}"`);
      await c.end();
      if ((await canConnect(pgUrl)) === true) {
        return;
      }
    }
  }
  if (!existsSync('/etc/postgresql') && process.env.TEST_DATABASE_URL === undefined) {
    fail(
      'PostgreSQL is not installed. Install it with: apt-get update && apt-get install -y postgresql (or set TEST_DATABASE_URL)',
    );
  }
  fail(`cannot reach PostgreSQL at ${pgUrl}: ${r instanceof Error ? r.message : String(r)}`);
}

function vitest(configArgs, label) {
  mkdirSync('.tmp', { recursive: true });
  const out = `.tmp/vitest-${label}.json`;
  rmSync(out, { force: true });
  const status = run(
    'npx',
    ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    {
      env: { ...process.env, TEST_DATABASE_URL: pgUrl },
    },
  );
  let p = 0;
  let f = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    p = report.numPassedTests ?? 0;
    f =
      (report.numFailedTests ?? 0) +
      (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
    if (p + f === 0) {
      f = 1;
    }
  } else {
    f = 1;
  }
  passed += p;
  failed += f;
  summary.push(`${label}: ${p} passed, ${f} failed`);
  return status === 0 && f === 0;
}

async function main() {
  const t0 = Date.now();
  if (only('e2e')) {
    provisionBrowser();
  }
  await provisionPostgres();

  // `ssj` runs compiled JavaScript: build it from the current sources before anything spawns it
  if (run('node', ['scripts/build-cli.mjs']) !== 0) {
    fail('compiling the ssj command (scripts/build-cli.mjs) failed');
  }
  if (run('node', ['scripts/gen-api.mjs']) !== 0) {
    fail('generating the web API client from the OpenAPI document failed');
  }
  let ok = true;
  if (only('typecheck')) {
    const projects = TS_PROJECTS;
    const bad = typecheck(run).length;
    summary.push(`typecheck: ${projects.length - bad} of ${projects.length} projects clean`);
    if (bad > 0) {
      failed += bad;
      ok = false;
    }
  }
  if (only('lint')) {
    const eslint = run('npx', ['eslint', '--max-warnings', '0', '.']);
    const prettier = run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
    const noCycles = run('node', ['scripts/check-cycles.mjs']);
    const status = eslint === 0 && prettier === 0 && noCycles === 0 ? 0 : 1;
    summary.push(
      `lint: eslint ${eslint === 0 ? 'clean' : 'errors'}, prettier ${prettier === 0 ? 'clean' : 'unformatted files'}, import cycles ${noCycles === 0 ? 'none' : 'found'}`,
    );
    if (status !== 0) {
      failed++;
      ok = false;
    }
  }
  if (only('unit')) {
    ok = vitest([], 'unit+integration (engines: pglite, postgres)') && ok;
  }
  if (only('e2e')) {
    if (!existsSync('packages/web/dist/index.html') || args.has('--rebuild')) {
      if (run('npm', ['run', 'build', '-w', 'packages/web']) !== 0) {
        fail('building the web app failed');
      }
    }
    ok = vitest(['-c', 'e2e/vitest.config.ts'], 'e2e (chromium, PGlite and PostgreSQL)') && ok;
  }
  process.stdout.write(`\n[test] tiers run in ${((Date.now() - t0) / 1000).toFixed(0)} s:\n`);
  for (const line of summary) {
    process.stdout.write(`[test]   ${line}\n`);
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

await main();
