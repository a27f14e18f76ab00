// ssj-log/1 (issue 13) on both engines: entries appended with each change, signed tree heads,
// the public RFC 9162 endpoints verified with core, and the probe's attack on the audit trail
// (trigger bypassed with session_replication_role=replica, one row rewritten and the chain
// recomputed; then the tail deleted) caught against a saved tree head, naming the first bad seq.
import {
  fromHex,
  logEntrySchema,
  signedTreeHeadSchema,
  verifyConsistency,
  verifyInclusion,
  nobleMerkleHasher,
  type SignedTreeHead,
} from '@openssj/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditHash } from '../../src/contexts/platform/audit/audit-hash';
import { verifyAuditAgainstTreeHead } from '../../src/contexts/platform/audit/audit-anchor-verify';
import { verifyAuditChain } from '../../src/contexts/platform/audit/audit-verify';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { auditLog } from '../../src/db/schema';
import { ENGINES } from '../../src/db/test-databases';
import { ephemeralSigningKey } from '../../src/contexts/platform/log/log-key';
import { logSignerTick } from '../../src/contexts/platform/log/log-signer';
import { signTreeHead } from '../../src/contexts/platform/log/log.service';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { PASSWORD } from '../support/fixtures';
import {
  abandonByTwo,
  approvedTask,
  call,
  loadWorkflowFixtures,
  taskBody,
  type WorkflowItems,
} from '../support/workflow-fixtures';

const DICE = '０１３８ 2438-1127 9731 6654 55';
const hx = (s: string): Uint8Array => fromHex(s) ?? new Uint8Array();
const key = ephemeralSigningKey();

const logViewSchema = z.object({
  sth: signedTreeHeadSchema.nullable(),
  entries: z.array(
    z.object({
      leafIndex: z.number(),
      leafHash: z.string(),
      kind: z.string(),
      entry: z.string(),
      inclusionPath: z.array(z.string()).nullable(),
    }),
  ),
});

describe.each(ENGINES)('transparency log on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let drawId = '';
  let taskId = '';
  beforeAll(async () => {
    t = await testApp(engine);
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
  });
  afterAll(async () => {
    await t.close();
  });

  async function sign(): Promise<SignedTreeHead> {
    t.advance(60_000);
    const head = await signTreeHead(t.database.db, key, t.now());
    if (!head.ok) {
      throw new Error(head.error.messageEn);
    }
    return head.value;
  }

  it('logs commitment, abandonment with its reason, seed and draw, in order, and lists every commitment of the task', async () => {
    ({ taskId } = await approvedTask(t.app, admin, leader, taskBody([items.generalA])));
    const first = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    await call(t.app, admin, 'POST', `/api/draws/${first.id}/commit`, { seedSource: 'dice' }, 200);
    await abandonByTwo(t.app, admin, leader, first.id, '骰子读数录入有误，重新摇号');
    const second = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    drawId = second.id;
    await call(t.app, admin, 'POST', `/api/draws/${drawId}/commit`, { seedSource: 'dice' }, 200);
    await call(t.app, admin, 'POST', `/api/draws/${drawId}/run`, { seed: DICE }, 200);

    const view = logViewSchema
      .extend({
        commitments: z.array(
          z.object({ drawId: z.string(), outcome: z.string(), reason: z.string().nullable() }),
        ),
      })
      .parse(await call(t.app, null, 'GET', `/api/public/log/tasks/${taskId}`, undefined, 200));
    expect(view.commitments).toEqual([
      expect.objectContaining({
        drawId: first.id,
        outcome: 'abandoned',
        reason: '骰子读数录入有误，重新摇号',
      }),
      expect.objectContaining({ drawId, outcome: 'drawn', reason: null }),
    ]);
    const kinds = view.entries.map((e) => `${e.kind}`);
    expect(kinds).toEqual(['commitment', 'abandon', 'commitment', 'seed', 'draw']);
    const draw = logEntrySchema.parse(JSON.parse(view.entries[4]?.entry ?? '{}'));
    expect(draw).toMatchObject({ kind: 'draw', drawId, supersedes: first.id });
    // not yet covered by a signed head: no proof, no head
    expect(view.sth).toBeNull();
    expect(view.entries.every((e) => e.inclusionPath === null)).toBe(true);
  });

  it('signs heads, publishes the key, and every proof it serves verifies with core', async () => {
    const sth1 = await sign();
    expect(sth1.treeSize).toBeGreaterThanOrEqual(6); // 5 draw entries + a checkpoint (+ the plan)
    const served = signedTreeHeadSchema.parse(
      await call(t.app, null, 'GET', '/api/public/log/sth', undefined, 200),
    );
    expect(served).toEqual(sth1);
    const keys = z
      .object({ keys: z.array(z.object({ keyId: z.string(), publicKey: z.string() })) })
      .parse(await call(t.app, null, 'GET', '/.well-known/ssj-log-key', undefined, 200));
    expect(keys.keys).toContainEqual(expect.objectContaining({ keyId: key.keyId, publicKey: key.publicKey }));

    const view = logViewSchema.parse(
      await call(t.app, null, 'GET', `/api/public/log/draws/${drawId}`, undefined, 200),
    );
    expect(view.sth).toEqual(sth1);
    for (const e of view.entries) {
      const leaf = nobleMerkleHasher.hashLeaf(new TextEncoder().encode(e.entry));
      expect(Buffer.from(leaf).toString('hex')).toBe(e.leafHash);
      expect(
        verifyInclusion(e.leafIndex, sth1.treeSize, leaf, (e.inclusionPath ?? []).map(hx), hx(sth1.rootHash)),
      ).toBe(true);
      const p = z
        .object({ leafIndex: z.number(), treeSize: z.number(), inclusionPath: z.array(z.string()) })
        .parse(
          await call(
            t.app,
            null,
            'GET',
            `/api/public/log/proof-by-hash?hash=${e.leafHash}&treeSize=${sth1.treeSize}`,
            undefined,
            200,
          ),
        );
      expect(p).toEqual({ leafIndex: e.leafIndex, treeSize: sth1.treeSize, inclusionPath: e.inclusionPath });
    }
    // a tampered entry does not verify
    const first = view.entries[0];
    const tampered = (first?.entry ?? '').replace('"commitment"', '"commitmenT"');
    const bad = nobleMerkleHasher.hashLeaf(new TextEncoder().encode(tampered));
    expect(
      verifyInclusion(
        first?.leafIndex ?? 0,
        sth1.treeSize,
        bad,
        (first?.inclusionPath ?? []).map(hx),
        hx(sth1.rootHash),
      ),
    ).toBe(false);

    // the log grows; consistency between the two heads verifies, and entries by range are served
    // an audited change, then the hourly checkpoint grows the log
    await call(t.app, admin, 'POST', '/api/plans', { year: 2027, title: '2027 年度抽查计划' }, 201);
    await logSignerTick(t.database, key, new Date(t.now().getTime() + 2 * 3_600_000));
    const sth2 = signedTreeHeadSchema.parse(
      await call(t.app, null, 'GET', '/api/public/log/sth', undefined, 200),
    );
    expect(sth2.treeSize).toBeGreaterThan(sth1.treeSize);
    const c = z
      .object({ consistency: z.array(z.string()) })
      .parse(
        await call(
          t.app,
          null,
          'GET',
          `/api/public/log/consistency?first=${sth1.treeSize}&second=${sth2.treeSize}`,
          undefined,
          200,
        ),
      );
    expect(
      verifyConsistency(
        sth1.treeSize,
        sth2.treeSize,
        hx(sth1.rootHash),
        hx(sth2.rootHash),
        c.consistency.map(hx),
      ),
    ).toBe(true);
    const heads = z
      .object({ sths: z.array(signedTreeHeadSchema) })
      .parse(await call(t.app, null, 'GET', '/api/public/log/sths', undefined, 200));
    expect(heads.sths.map((h) => h.treeSize)).toEqual([sth1.treeSize, sth2.treeSize]);
    const range = z
      .object({ entries: z.array(z.object({ index: z.number() })) })
      .parse(
        await call(
          t.app,
          null,
          'GET',
          `/api/public/log/entries?start=0&end=${sth2.treeSize - 1}`,
          undefined,
          200,
        ),
      );
    expect(range.entries.map((e) => e.index)).toEqual([...Array(sth2.treeSize).keys()]);
    await call(t.app, null, 'GET', '/api/public/log/entries?start=5&end=2', undefined, 400);
    await call(t.app, null, 'GET', `/api/public/log/proof-by-hash?hash=${'0'.repeat(64)}`, undefined, 404);
  });

  it("catches the probe's rewrite (trigger bypassed, chain recomputed) and the truncated tail against a saved head", async () => {
    // the saved head covers a checkpoint of the whole chain
    await logSignerTick(t.database, key, new Date(t.now().getTime() + 5 * 3_600_000));
    const saved = signedTreeHeadSchema.parse(
      await call(t.app, null, 'GET', '/api/public/log/sth', undefined, 200),
    );
    expect(await verifyAuditAgainstTreeHead(t.database.db, saved, key.publicKey)).toMatchObject({
      ok: true,
      keyPinned: true,
    });
    const rows = await t.database.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.length).toBeGreaterThan(8);
    const victim = rows[3]?.seq ?? 0;

    // the probe, part 1: bypass the append-only trigger and delete the last 3 rows
    const last = rows[rows.length - 1]?.seq ?? 0;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`DELETE FROM audit_log WHERE seq > ${last - 3}`);
    });
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true }); // the chain alone is fooled
    expect(await verifyAuditAgainstTreeHead(t.database.db, saved, key.publicKey)).toMatchObject({
      ok: false,
      problem: 'audit',
      reason: 'deleted',
      firstBadSeq: last - 2,
    });

    // the probe, part 2: bypass the append-only trigger, rewrite one row, recompute every hash after it
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      let prev = rows[2]?.hash ?? '';
      for (const r of rows.slice(3, rows.length - 3)) {
        const after = r.seq === victim ? { forged: true } : r.after;
        const hash = auditHash({
          seq: r.seq,
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorName: r.actorName,
          actorRole: r.actorRole,
          departmentCode: r.departmentCode,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before ?? null,
          after: after ?? null,
          requestId: r.requestId,
          prevHash: prev,
        });
        await tx.execute(
          sql`UPDATE audit_log SET after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`,
        );
        prev = hash;
      }
    });
    // the chain alone is fooled (the finding) …
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    // … the saved head is not
    expect(await verifyAuditAgainstTreeHead(t.database.db, saved, key.publicKey)).toMatchObject({
      ok: false,
      problem: 'audit',
      reason: 'rewritten',
      firstBadSeq: victim,
    });

    // a forged head (another key) is refused outright
    expect(
      await verifyAuditAgainstTreeHead(t.database.db, saved, ephemeralSigningKey().publicKey),
    ).toMatchObject({
      ok: false,
      problem: 'signature',
    });
  });
});
