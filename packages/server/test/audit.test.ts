import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/contexts/platform/audit/audit.repo';
import { verifyAuditChain } from '../src/contexts/platform/audit/audit-verify';
import type { Database } from '../src/db/client';
import { ENGINES, freshDatabase } from '../src/db/test-databases';

const entry = (i: number) => ({
  actorId: 'u1',
  actorName: 'admin',
  actorRole: 'dept_admin',
  departmentCode: '500112-SCJG',
  action: 'test.changed',
  entityType: 'thing',
  entityId: `T${i}`,
  before: { n: i - 1, 名称: '旧' },
  after: { n: i, 名称: '新', nested: { z: 1, a: [1, 2, { b: null }] } },
  requestId: `req-${i}`,
});

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    for (let i = 1; i <= 5; i++) {
      await database.db.transaction(async (tx) => {
        await appendAudit(tx, entry(i), new Date(Date.UTC(2026, 10, 20, 8, 0, i)));
      });
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('verifies an intact chain', async () => {
    const v = await verifyAuditChain(database.db, 2);
    expect(v).toMatchObject({ ok: true, rows: 5 });
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    const cause = async (p: Promise<unknown>): Promise<string> =>
      p.then(
        () => 'no error',
        (e: unknown) => String(e instanceof Error ? (e.cause ?? e) : e),
      );
    expect(await cause(database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`))).toMatch(
      /append-only/,
    );
    expect(await cause(database.db.execute(sql`DELETE FROM audit_log WHERE seq = 1`))).toMatch(/append-only/);
  });

  it('catches a row edited directly in SQL and names the first broken link', async () => {
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await database.db.execute(sql`UPDATE audit_log SET after = jsonb_set(after, '{n}', '99') WHERE seq = 3`);
    await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const v = await verifyAuditChain(database.db, 2);
    expect(v).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch', rows: 2 });
  });
});
