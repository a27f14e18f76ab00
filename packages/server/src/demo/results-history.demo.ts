/**
 * Demo history of results: the drawn inspections of 2026 tasks that have ended get recorded
 * results, reviews, publication and follow-ups, so that the portal, the review screens and the
 * dashboards have something to show after the first `npm start`. Set-based SQL, deterministic
 * from the target and department codes (md5), run after seedWorkflowHistory.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { Database, Db } from '../db/client';
import { inspectionPhotos } from '../db/schema';
import { queryOne, queryRows } from '../db/sql';
import { demoPng } from './demo-photo';

/** Tasks ending before this date have been inspected. */
const INSPECTED_BEFORE = '2026-10-01';
/** Tasks ending before this date have their results published (all inspected ones: the review queue starts empty). */
const PUBLISHED_BEFORE = INSPECTED_BEFORE;

const countRow = z.object({ n: z.coerce.number() });

export interface ResultHistorySummary {
  readonly results: number;
  readonly published: number;
  readonly awaitingReview: number;
  readonly followUps: number;
}

/** How many published on-site visits with a finding get a demo photo. */
const PHOTO_VISITS = 60;

/** One photo (a generated PNG, hashed as a phone would) for some on-site visits that found a problem. */
async function seedDemoPhotos(tx: Db): Promise<void> {
  const visits = await queryRows(
    tx,
    sql`SELECT i.id, i.inspectors[1] AS by, i.visited_at, min(r.item_id::text) AS item_id
      FROM inspections i JOIN inspection_results r ON r.inspection_id = i.id
      WHERE i.status = 'published' AND i.method = 'onsite' AND r.category = '发现问题已责令改正'
      GROUP BY i.id ORDER BY i.id LIMIT ${PHOTO_VISITS}`,
    z.object({ id: z.string(), by: z.string().nullable(), visited_at: z.coerce.date(), item_id: z.string() }),
  );
  if (visits.length === 0) {
    return;
  }
  await tx.insert(inspectionPhotos).values(
    visits.map((v, k) => {
      const png = demoPng(Number.parseInt(v.id.replaceAll('-', '').slice(0, 8), 16));
      return {
        inspectionId: v.id,
        itemId: v.item_id,
        fieldKey: null,
        mime: 'image/png',
        bytes: png.length,
        data: png.toString('base64'),
        takenAt: new Date(v.visited_at.getTime() + 15 * 60_000),
        // around 渝北区 (29.72 N, 106.63 E), a few hundred metres apart
        lat: (29.72 + (k % 10) * 0.002).toFixed(6),
        lng: (106.63 + Math.floor(k / 10) * 0.002).toFixed(6),
        accuracy: 8 + (k % 5) * 3,
        by: v.by ?? 'demo',
        sha256: createHash('sha256').update(png).digest('hex'),
        receivedAt: new Date(v.visited_at.getTime() + 20 * 60_000),
      };
    }),
  );
}

/** Record, review and publish the results of ended demo tasks. */
export async function seedResultHistory(database: Database): Promise<ResultHistorySummary> {
  return database.db.transaction(async (tx) => {
    // A stable pseudo-random number 0–99 per target and department.
    await tx.execute(sql`
      INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, notes, answers, recorded_by, recorded_at)
      SELECT i.id, ti.item_id, ti.item_version, ti.department_code,
        CASE
          WHEN x.h < 78 THEN '未发现问题'
          WHEN x.h < 86 THEN '发现问题已责令改正'
          WHEN x.h < 90 THEN '未按规定公示应当公示的信息'
          WHEN x.h < 93 THEN '通过登记的住所（经营场所）无法联系'
          WHEN x.h < 95 THEN '发现问题待后续处理'
          ELSE '未发现开展本次抽查涉及的经营活动'
        END,
        CASE WHEN x.h BETWEEN 78 AND 94 THEN '现场检查发现问题，已记录在案' ELSE NULL END,
        '{}'::jsonb,
        coalesce(i.inspectors[1], 'demo'),
        (t.window_end - 12)::timestamptz + interval '2 hours'
      FROM inspections i
      JOIN tasks t ON t.id = i.task_id
      JOIN task_items ti ON ti.task_id = i.task_id
      CROSS JOIN LATERAL (
        SELECT ('x' || substr(md5(i.target_id || '|' || ti.department_code), 1, 7))::bit(28)::int % 100 AS h
      ) x
      WHERE i.status = 'assigned' AND t.window_end < ${INSPECTED_BEFORE}::date`);
    await tx.execute(sql`
      UPDATE inspections i SET
        status = CASE WHEN t.window_end < ${PUBLISHED_BEFORE}::date THEN 'published' ELSE 'submitted' END,
        visited_at = (t.window_end - 12)::timestamptz + interval '2 hours',
        submitted_at = (t.window_end - 11)::timestamptz + interval '2 hours',
        reviewed_at = CASE WHEN t.window_end < ${PUBLISHED_BEFORE}::date THEN (t.window_end + 5)::timestamptz + interval '2 hours' END,
        reviewed_by = CASE WHEN t.window_end < ${PUBLISHED_BEFORE}::date THEN 'leader' END,
        published_at = CASE WHEN t.window_end < ${PUBLISHED_BEFORE}::date THEN (t.window_end + 14)::timestamptz + interval '2 hours' END,
        version = i.version + 1,
        updated_at = (t.window_end + 14)::timestamptz
      FROM tasks t
      WHERE t.id = i.task_id AND i.status = 'assigned' AND t.window_end < ${INSPECTED_BEFORE}::date
        AND EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id)`);
    // issue 15: about one in twenty published results was a remote inspection (非现场检查)
    await tx.execute(sql`
      UPDATE inspections i SET
        method = CASE WHEN substr(md5(i.target_id || '|m'), 3, 1) < '8' THEN 'document' ELSE 'video' END,
        remote_evidence = CASE WHEN substr(md5(i.target_id || '|m'), 3, 1) < '8'
          THEN '书面审查：企业报送的营业执照、进货台账和年度报告'
          ELSE '视频连线：查看了经营场所、证照公示和库房' END
      WHERE i.status = 'published' AND (substr(md5(i.target_id || '|m'), 1, 2) < '0d'
        -- and at least a few, however small the demo
        OR i.id IN (SELECT j.id FROM inspections j WHERE j.status = 'published' ORDER BY md5(j.target_id || '|m') LIMIT 3))`);
    await seedDemoPhotos(tx);
    await tx.execute(sql`
      INSERT INTO follow_ups (inspection_id, target_id, department_code, item_id, kind, detail, deadline, status, closed_at, closed_by, closing_note, created_by, created_at)
      SELECT i.id, i.target_id, r.department_code, r.item_id,
        CASE WHEN r.category = '通过登记的住所（经营场所）无法联系' THEN 'abnormal_list' ELSE 'correction_order' END,
        CASE WHEN r.category = '通过登记的住所（经营场所）无法联系' THEN '列入经营异常名录' ELSE '责令限期改正' END,
        (i.published_at::date + 14),
        CASE WHEN md5(i.target_id) < '8' THEN 'closed' ELSE 'open' END,
        CASE WHEN md5(i.target_id) < '8' THEN i.published_at + interval '10 days' END,
        CASE WHEN md5(i.target_id) < '8' THEN 'admin' END,
        CASE WHEN md5(i.target_id) < '8' THEN '已整改到位 / 已列入' END,
        'admin', i.published_at
      FROM inspections i JOIN inspection_results r ON r.inspection_id = i.id
      WHERE i.status = 'published' AND r.category IN ('发现问题已责令改正', '通过登记的住所（经营场所）无法联系')`);
    await tx.execute(sql`
      UPDATE tasks t SET status = 'published', results_published_at = (t.window_end + 14)::timestamptz + interval '2 hours'
      WHERE t.window_end < ${PUBLISHED_BEFORE}::date
        AND EXISTS (SELECT 1 FROM inspections i WHERE i.task_id = t.id AND i.status = 'published')
        AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.task_id = t.id AND i.status NOT IN ('published', 'cancelled'))`);
    const n = async (q: ReturnType<typeof sql>): Promise<number> => (await queryOne(tx, q, countRow))?.n ?? 0;
    return {
      results: await n(sql`SELECT count(*) AS n FROM inspection_results`),
      published: await n(sql`SELECT count(*) AS n FROM inspections WHERE status = 'published'`),
      awaitingReview: await n(sql`SELECT count(*) AS n FROM inspections WHERE status = 'submitted'`),
      followUps: await n(sql`SELECT count(*) AS n FROM follow_ups`),
    };
  });
}
