/**
 * Field work (issue 15), on both engines: a photo's SHA-256 is checked on receipt and recorded
 * with its GPS accuracy and receipt time (a mismatch stores nothing), and a remote inspection
 * (非现场检查) records its method and evidence, is submitted without a signature on site, and is
 * counted apart on the dashboard.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/db/sql';
import { exportEvidence, verifyEvidence } from '../../src/contexts/inspection/evidence.service';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import {
  call,
  ITEM_A,
  loadInspectionWorld,
  TINY_PNG,
  TINY_PNG_SHA256,
  type InspectionWorld,
  recordJointItem,
} from '../support/inspection-fixtures';

interface Photo {
  id: string;
  sha256: string;
  accuracy: number | null;
  receivedAt: string | null;
}
interface View {
  version: number;
  status: string;
  method: string;
  remoteEvidence: string | null;
  photos: Photo[];
  confirmations: { inspectorId: string }[];
  error?: { code: string; details?: { issues?: { field: string; messageZh: string; messageEn: string }[] } };
}

describe.each(ENGINES)('photo evidence and remote inspection on %s', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  const sessions = new Sessions();
  const who = sessions.who;
  const audits = (entity: string, action: string) =>
    queryRows(
      t.database.db,
      sql`select after from audit_log where entity_id = ${entity} and action = ${action} order by seq`,
      z.object({ after: z.record(z.string(), z.unknown()) }),
    );
  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await sessions.login(t.app, ['insp_a', 'insp_a2', 'leader_a', 'admin_a']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a photo whose bytes do not match the hash the phone sent, and stores nothing', async () => {
    const id = crypto.randomUUID();
    const bad = await call<View>(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/photos`, {
      id,
      itemId: ITEM_A,
      fieldKey: 'scene',
      image: TINY_PNG,
      sha256: 'f'.repeat(64),
      takenAt: '2026-11-20T03:00:00.000Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION');
    const issue = bad.body.error?.details?.issues?.[0];
    expect(issue?.field).toBe('sha256');
    expect(issue?.messageZh).toContain(TINY_PNG_SHA256);
    expect(issue?.messageEn).toContain(TINY_PNG_SHA256);
    const img = await t.app.inject({
      method: 'GET',
      url: `/api/inspections/${w.visit}/photos/${id}`,
      headers: who('leader_a').headers,
    });
    expect(img.statusCode).toBe(404);
    expect(await audits(w.visit, 'inspection.photo_added')).toEqual([]);
  });

  it('records the hash, the GPS accuracy and the receipt time, in the visit and the audit trail', async () => {
    const id = crypto.randomUUID();
    const ok = await call<{ sha256: string; created: boolean }>(
      t.app,
      who('insp_a'),
      'POST',
      `/api/inspections/${w.visit}/photos`,
      {
        id,
        itemId: ITEM_A,
        fieldKey: 'scene',
        image: TINY_PNG,
        sha256: TINY_PNG_SHA256,
        takenAt: '2026-11-20T03:00:00.000Z',
        lat: 29.72,
        lng: 106.63,
        accuracy: 9.5,
      },
    );
    expect([ok.status, ok.body.sha256, ok.body.created]).toEqual([201, TINY_PNG_SHA256, true]);
    const v = await call<View>(t.app, who('leader_a'), 'GET', `/api/inspections/${w.visit}`);
    const p = v.body.photos.find((x) => x.id === id);
    expect(p?.sha256).toBe(TINY_PNG_SHA256);
    expect(p?.accuracy).toBe(9.5);
    expect(p?.receivedAt).toBe(new Date(t.now()).toISOString());
    const [row] = await audits(w.visit, 'inspection.photo_added');
    expect(row?.after).toMatchObject({ photoId: id, sha256: TINY_PNG_SHA256, accuracy: 9.5 });
  });

  it('a remote inspection needs its record, clears the confirmations, and is submitted without a signature', async () => {
    let v = await call<View>(t.app, who('insp_a'), 'GET', `/api/inspections/${w.visit}`);
    v = await call<View>(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: '未发现问题', answers: { licensed: true, area: 80 } }],
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    // the DEPT_C item of this DEPT_A-only team is recorded as a joint team would
    await recordJointItem(t.database, w.visit, t.now());
    v = await call<View>(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/confirm`, {
      version: v.body.version,
    });
    expect(v.body.confirmations.length).toBe(1);
    const bare = await call<View>(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/method`, {
      version: v.body.version,
      method: 'video',
      remoteEvidence: ' ',
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error?.details?.issues?.map((i) => i.field)).toEqual(['remoteEvidence']);
    v = await call<View>(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/method`, {
      version: v.body.version,
      method: 'video',
      remoteEvidence: '视频连线查看了经营场所和营业执照原件',
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    // the method is part of the record: the confirmation given before it is asked again
    expect([v.body.method, v.body.remoteEvidence, v.body.confirmations]).toEqual([
      'video',
      '视频连线查看了经营场所和营业执照原件',
      [],
    ]);
    expect((await audits(w.visit, 'inspection.method_set')).map((a) => a.after['method'])).toEqual(['video']);
    // the same method again writes nothing: same version, no second audit row
    const again = await call<View>(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/method`, {
      version: v.body.version,
      method: 'video',
      remoteEvidence: '视频连线查看了经营场所和营业执照原件',
    });
    expect([again.status, again.body.version]).toEqual([200, v.body.version]);
    expect(await audits(w.visit, 'inspection.method_set')).toHaveLength(1);
    v = await call<View>(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/confirm`, {
      version: v.body.version,
    });
    v = await call<View>(t.app, who('insp_a2'), 'POST', `/api/inspections/${w.visit}/confirm`, {
      version: v.body.version,
    });
    const sub = await call<View & { businessSignature: unknown }>(
      t.app,
      who('insp_a'),
      'POST',
      `/api/inspections/${w.visit}/submit`,
      { version: v.body.version },
    );
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect([sub.body.status, sub.body.businessSignature]).toEqual(['submitted', null]);
  });

  it('an on-site visit still needs the signature or refusal', async () => {
    let v = await call<View>(t.app, who('insp_a'), 'GET', `/api/inspections/${w.joint}`);
    v = await call<View>(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: '未发现问题', answers: { licensed: true, area: 80 } }],
    });
    expect(v.body.method).toBe('onsite');
    v = await call<View>(t.app, who('insp_a'), 'POST', `/api/inspections/${w.joint}/submit`, {
      version: v.body.version,
    });
    expect(v.status).toBe(400);
    const fields = v.body.error?.details?.issues?.map((i) => i.field) ?? [];
    expect(fields).toContain('businessSignature');
    expect(fields).not.toContain('remoteEvidence');
  });

  it('counts remote inspections apart on the dashboard: they knock on no door', async () => {
    const m = await call<{
      totals: { inspections: number; remoteInspections: number; visits: { made: number } };
      departments: { code: string; remoteInspections: number }[];
    }>(t.app, who('leader_a'), 'GET', '/api/dashboard/metrics?year=2026');
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.totals.remoteInspections).toBe(1);
    expect(m.body.totals.visits.made).toBe(m.body.totals.inspections - 1);
    expect(m.body.departments.some((d) => d.remoteInspections === 1)).toBe(true);
  });

  it('publishes the photo hashes in the log; the export verifies, and a changed byte or a missing file does not', async () => {
    let v = await call<View>(t.app, who('leader_a'), 'GET', `/api/inspections/${w.visit}`);
    v = await call<View>(t.app, who('leader_a'), 'POST', `/api/inspections/${w.visit}/review`, {
      version: v.body.version,
      decision: 'approve',
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    v = await call<View>(t.app, who('admin_a'), 'POST', `/api/inspections/${w.visit}/publish`, {
      version: v.body.version,
    });
    expect([v.status, v.body.status]).toEqual([200, 'published']);
    // the portal shows the method and the hashes, never the photos or where they were taken
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/results/${w.visit}` });
    const d = pub.json<{ method: string; methodLabel: string; evidence: { sha256: string }[] }>();
    expect([d.method, d.methodLabel, d.evidence.map((e) => e.sha256)]).toEqual([
      'video',
      '视频检查',
      [TINY_PNG_SHA256],
    ]);
    expect(pub.body).not.toContain('106.63');

    const out = await exportEvidence(t.database.db, w.visit);
    if (!out.ok) {
      throw new Error(out.error.messageEn);
    }
    const { files, manifest } = out.value;
    expect(manifest.photos.map((p) => [p.file, p.sha256, p.accuracy])).toEqual([
      [files[0]?.name, TINY_PNG_SHA256, 9.5],
    ]);
    const good = await verifyEvidence(
      t.database.db,
      files,
      manifest.photos.map((p) => p.photoId),
    );
    expect(good.map((c) => c.status)).toEqual(['ok']);
    expect(typeof good[0]?.logged).toBe('number'); // the result entry's log index

    const tampered = files.map((f) => {
      const bytes = Buffer.from(f.bytes);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      return { name: f.name, bytes };
    });
    const bad = await verifyEvidence(
      t.database.db,
      tampered,
      manifest.photos.map((p) => p.photoId),
    );
    expect(bad.map((c) => [c.status, c.recorded])).toEqual([['tampered', TINY_PNG_SHA256]]);
    expect(bad[0]?.logged).toBe(false); // the changed bytes' hash is in no log entry either

    const gone = await verifyEvidence(
      t.database.db,
      [{ name: '00000000-0000-4000-8000-00000000abcd.jpg', bytes: Buffer.from('x') }],
      manifest.photos.map((p) => p.photoId),
    );
    expect(gone.map((c) => c.status)).toEqual(['unknown', 'missing']);
  });
});
