/**
 * `ssj evidence export` and `ssj evidence verify` (issue 15), as users run them: a visit's photos
 * exported with their record verify; one changed byte, a foreign file or a deleted photo fails
 * with the file named, exit 1. On a fresh PostgreSQL database cloned from the migrated template.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, migrationsFingerprint, openPostgres, testDatabaseUrl } from '@openssj/server/bench';
import { inspectionPhotos } from '../../server/src/db/schema';
import {
  ITEM_A,
  loadInspectionWorld,
  TINY_PNG,
  TINY_PNG_SHA256,
} from '../../server/test/support/inspection-fixtures';
import { loadFixtures } from '../../server/test/support/fixtures';
import { ssj } from './draw-helpers';

describe('ssj evidence', () => {
  const name = `ssj_cli_evidence_${randomBytes(4).toString('hex')}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  const admin = (): pg.Client => new pg.Client({ connectionString: testDatabaseUrl() });
  const dir = mkdtempSync(join(tmpdir(), 'ssj-evidence-'));
  let visit = '';
  const photoId = crypto.randomUUID();

  beforeAll(async () => {
    await (await freshDatabase('postgres')).close();
    const a = admin();
    await a.connect();
    await a.query(`CREATE DATABASE ${name} TEMPLATE ssj_tmpl_${migrationsFingerprint()}`);
    await a.end();
    const database = await openPostgres(url.toString());
    try {
      await loadFixtures(database);
      visit = (await loadInspectionWorld(database)).visit;
      await database.db.insert(inspectionPhotos).values({
        id: photoId,
        inspectionId: visit,
        itemId: ITEM_A,
        fieldKey: 'scene',
        mime: 'image/png',
        bytes: 70,
        data: TINY_PNG.slice(TINY_PNG.indexOf(',') + 1),
        takenAt: new Date('2026-11-20T02:01:00Z'),
        lat: '29.72',
        lng: '106.63',
        by: 'insp_a',
        sha256: TINY_PNG_SHA256,
        receivedAt: new Date('2026-11-20T02:01:05Z'),
      });
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const a = admin();
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });

  it('exports a visit’s photos with the record, and they verify', async () => {
    const out = await ssj(['evidence', 'export', visit, dir], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    // sorted both sides: a photo id (a UUID) may sort before or after evidence.json
    expect(readdirSync(dir).sort()).toEqual([`${photoId}.png`, 'evidence.json'].sort());
    const manifest = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as {
      photos: { photoId: string; sha256: string }[];
    };
    expect(manifest.photos).toMatchObject([{ photoId, sha256: TINY_PNG_SHA256 }]);
    const ok = await ssj(['evidence', 'verify', dir], env);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`ok: ${photoId}.png ${TINY_PNG_SHA256}`);
  });

  it('fails a tampered photo, a foreign file and a deleted photo, naming each (exit 1)', async () => {
    const file = join(dir, `${photoId}.png`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeFileSync(file, bytes);
    const tampered = await ssj(['evidence', 'verify', dir], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`TAMPERED: ${photoId}.png`);
    expect(tampered.stdout).toContain(`on record ${TINY_PNG_SHA256}`);

    rmSync(file);
    writeFileSync(join(dir, 'extra.jpg'), 'not a photo on record');
    const gone = await ssj(['evidence', 'verify', dir], env);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('UNKNOWN: extra.jpg');
    expect(gone.stdout).toContain(`MISSING: 清单中的照片 ${photoId}`);
  });

  it('names unusable input and exits 2', async () => {
    const r = await ssj(['evidence', 'verify', join(dir, 'no-such-folder')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ssj evidence:');
    const u = await ssj(['evidence', 'export', '00000000-0000-4000-8000-000000000000', dir], env);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('不存在');
  });
});
