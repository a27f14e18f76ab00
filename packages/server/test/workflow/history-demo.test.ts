// The demo's workflow history (issue 5): past plans, tasks and draws through the services; every
// stored record verifies against its stored frames, on PGlite and PostgreSQL.
import { drawRecordSchema, verifyRecord } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { frameText } from '../../src/contexts/draw/frame.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { generateDemo } from '../../src/demo';
import { DEMO_PASSWORD } from '../support/demo-password';
import { seedWorkflowHistory, type HistorySummary } from '../../src/demo/history.demo';
import { seedResultHistory, type ResultHistorySummary } from '../../src/demo/results-history.demo';
import { seedDemo } from '../../src/demo/seed';

describe.each(ENGINES)('demo workflow history on %s', (engine) => {
  let database: Database;
  let summary: HistorySummary;
  let results: ResultHistorySummary;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    const clock = () => new Date('2026-11-20T02:00:00Z');
    await seedDemo(database, {
      clock,
      password: DEMO_PASSWORD,
      data: generateDemo(undefined, { targetCount: 8000 }),
    });
    summary = await seedWorkflowHistory(database, { config: loadConfig({}), clock });
    results = await seedResultHistory(database);
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  it('creates published plans, tasks and draws, one abandoned and superseded', async () => {
    expect(summary.plans).toBe(3);
    expect(summary.draws).toBe(5);
    expect(summary.inspections).toBeGreaterThan(0);
    const statuses = await queryRows(
      database.db,
      sql`SELECT status, supersedes FROM draws ORDER BY id`,
      z.object({ status: z.string(), supersedes: z.string().nullable() }),
    );
    expect(statuses.filter((s) => s.status === 'abandoned')).toHaveLength(1);
    expect(statuses.filter((s) => s.supersedes !== null)).toHaveLength(1);
  });

  it('every stored record verifies against its stored frames', async () => {
    const rows = await queryRows(
      database.db,
      sql`SELECT id, record FROM draws WHERE record IS NOT NULL`,
      z.object({ id: z.string(), record: z.unknown() }),
    );
    expect(rows.length).toBe(5);
    for (const r of rows) {
      const rec = drawRecordSchema.parse(r.record);
      const frames: Record<string, string> = {};
      for (const s of rec.strata) {
        frames[s.name] = await frameText(database.db, r.id, s.name);
      }
      const v = verifyRecord(r.record, frames);
      expect(v.ok, `${r.id}: ${JSON.stringify(v)}`).toBe(true);
    }
  });

  it('records, reviews and publishes the results of ended tasks, with follow-ups for problems', () => {
    expect(results.results).toBeGreaterThan(0);
    expect(results.published).toBeGreaterThan(0);
    expect(results.awaitingReview).toBe(0);
    expect(results.published + results.awaitingReview).toBeLessThanOrEqual(summary.inspections);
    expect(results.followUps).toBeGreaterThan(0);
  });

  it('gives some published visits a photo whose recorded hash is its bytes’, and some a remote method (issue 15)', async () => {
    const photos = await queryRows(
      database.db,
      sql`SELECT p.sha256, encode(sha256(decode(p.data, 'base64')), 'hex') AS actual, p.accuracy, i.status, i.method
        FROM inspection_photos p JOIN inspections i ON i.id = p.inspection_id`,
      z.object({
        sha256: z.string(),
        actual: z.string(),
        accuracy: z.number().nullable(),
        status: z.string(),
        method: z.string(),
      }),
    );
    expect(photos.length).toBeGreaterThan(0);
    for (const p of photos) {
      expect([p.sha256, p.status, p.method]).toEqual([p.actual, 'published', 'onsite']);
      expect(p.accuracy).not.toBeNull();
    }
    expect(new Set(photos.map((p) => p.sha256)).size).toBe(photos.length);
    const remote = await queryRows(
      database.db,
      sql`SELECT method, remote_evidence FROM inspections WHERE method <> 'onsite'`,
      z.object({ method: z.string(), remote_evidence: z.string().nullable() }),
    );
    expect(remote.length).toBeGreaterThan(0);
    expect(
      remote.every((r) => ['document', 'video'].includes(r.method) && (r.remote_evidence ?? '').length > 4),
    ).toBe(true);
  });
});
