/**
 * Issue 17 §4, the restore drill on both engines: back up, make changes, restore, and find the
 * audit chain intact, the log's root and every count equal to the backup's; a payload altered
 * after the backup, or a restore without --yes, changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@openssj/server/bench';
import { ssj } from './draw-helpers';

const BOOTSTRAP = [
  'users',
  'bootstrap',
  '--region',
  '500000',
  '--region-name',
  '重庆市',
  '--department-name',
  '重庆市市场监督管理局',
];

interface Manifest {
  readonly engine: string;
  readonly payload: { file: string };
  readonly audit: { rows: number; lastHash: string };
  readonly log: { size: number; rootHash: string };
  readonly counts: Record<string, number>;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-backup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The engines under test: how to reach each, and how to change a row behind the app's back. */
const engines = [
  {
    name: 'pglite',
    env: { SSJ_DATA_DIR: path.join(tmp, 'data') },
    setUp: async () => undefined,
    tearDown: async () => undefined,
  },
  (() => {
    const name = `ssj_cli_backup_${randomBytes(4).toString('hex')}`;
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${name}`;
    const admin = async (sql: string): Promise<void> => {
      const c = new pg.Client({ connectionString: testDatabaseUrl() });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    return {
      name: 'postgres',
      env: { DATABASE_URL: url.toString() },
      setUp: () => admin(`CREATE DATABASE ${name}`),
      tearDown: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  })(),
];

describe('ssj backup and restore', () => {
  it('answer --help with their usage and exit 0', async () => {
    for (const verb of ['backup', 'restore']) {
      const r = await ssj([verb, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`usage: ssj ${verb} DIR`);
    }
  });

  for (const engine of engines) {
    it(`restores a ${engine.name} backup and proves nothing up to it is lost`, async () => {
      await engine.setUp();
      try {
        const env = engine.env;
        expect((await ssj(BOOTSTRAP, env)).code).toBe(0);
        const first = path.join(tmp, `${engine.name}-1`);
        const b1 = await ssj(['backup', first], env);
        expect(b1.stderr).toBe('');
        expect(b1.code).toBe(0);
        const m = JSON.parse(readFileSync(path.join(first, 'manifest.json'), 'utf8')) as Manifest;
        expect(m.engine).toBe(engine.name);
        // the backup is in the chain it carries: bootstrap, then the backup itself
        expect(m.audit.rows).toBe(2);
        expect(m.log.size).toBeGreaterThan(0); // the audit checkpoint made before the snapshot
        expect(m.counts['users']).toBe(1);

        // changes after the backup: a second backup adds audit rows and log entries
        const second = path.join(tmp, `${engine.name}-2`);
        expect((await ssj(['backup', second], env)).code).toBe(0);
        const m2 = JSON.parse(readFileSync(path.join(second, 'manifest.json'), 'utf8')) as Manifest;
        expect(m2.audit.rows).toBe(3);
        expect(m2.log.size).toBeGreaterThan(m.log.size);

        // no --yes: nothing happens
        const unconfirmed = await ssj(['restore', first], env);
        expect(unconfirmed.code).toBe(2);
        expect(unconfirmed.stderr).toContain('--yes');

        // an altered payload (a copy of the first backup, one byte flipped) is refused before anything is touched
        const altered = path.join(tmp, `${engine.name}-altered`);
        cpSync(first, altered, { recursive: true });
        const payload = path.join(altered, m.payload.file);
        const bytes = readFileSync(payload);
        bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
        writeFileSync(payload, bytes);
        const refused = await ssj(['restore', altered, '--yes'], env);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('SHA-256');

        const r = await ssj(['restore', first, '--yes'], env);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(
          `✓ audit  ${m.audit.rows} rows, last hash ${m.audit.lastHash.slice(0, 16)}`,
        );
        expect(r.stdout).toContain(`✓ log    size ${m.log.size} (backup ${m.log.size})`);
        expect(r.stdout).toMatch(/✓ counts \d+ tables/);
        expect(r.stdout).toContain('nothing up to the backup is lost');

        // the restored chain verifies, and ends with the restore's own record
        const v = await ssj(['audit', 'verify'], env);
        expect(v.code).toBe(0);
        expect(v.stdout).toContain(`${m.audit.rows + 1} rows`);
        if (engine.name === 'postgres') {
          // (one engine is enough for these; each PGlite run of ssj costs seconds)
          // a restored database backs up again: its counts are the first backup's, plus the new audit rows
          const third = path.join(tmp, `${engine.name}-3`);
          expect((await ssj(['backup', third], env)).code).toBe(0);
          const m3 = JSON.parse(readFileSync(path.join(third, 'manifest.json'), 'utf8')) as Manifest;
          expect(m3.audit.rows).toBe(m.audit.rows + 2); // restored, then this backup
          expect(m3.counts['users']).toBe(m.counts['users']);
          expect(m3.counts['departments']).toBe(m.counts['departments']);

          // a manifest that does not describe its payload: the restore says which check failed
          const lying = path.join(tmp, 'lying');
          rmSync(lying, { recursive: true, force: true });
          expect((await ssj(['backup', lying], env)).code).toBe(0);
          const file = path.join(lying, 'manifest.json');
          const ml = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
          writeFileSync(file, JSON.stringify({ ...ml, counts: { ...ml.counts, users: 2 } }));
          const bad = await ssj(['restore', lying, '--yes'], env);
          expect(bad.code).toBe(1);
          expect(bad.stdout).toContain('✗ counts users: 1 (backup 2)');
          expect(bad.stdout).toContain('✓ audit');
        }
      } finally {
        await engine.tearDown();
      }
    });
  }
});
