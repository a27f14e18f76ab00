/**
 * Demo objections and credit repair (issue 16 part 2), on published 渝北 market-regulation
 * results that found a problem: one objection and one repair application waiting for the
 * leader (the objection long overdue, the repair filed yesterday), and one repair approved
 * in the past, so the queue, the portal's lines and the history have something to show.
 * Deterministic in the choice of results (md5 order); run after seedResultHistory.
 */
import { appealDueOn, DEFAULT_APPEAL_TERMS, isoDate } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { resultAppeals } from '../db/schema';
import { queryRows } from '../db/sql';
import { chinaToday, loadHolidayTable } from '../contexts/platform';

const DAY = 86_400_000;

/** Seed the demo appeals; returns how many. */
export async function seedDemoAppeals(database: Database, now: Date): Promise<number> {
  return database.db.transaction(async (tx) => {
    const rows = await queryRows(
      tx,
      sql`SELECT i.id, i.target_id, i.published_at FROM inspections i JOIN tasks t ON t.id = i.task_id
          WHERE i.status = 'published' AND t.lead_department_code = '500112-SCJG' AND NOT t.cross_region
            AND EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id
                        AND r.category IN ('发现问题已责令改正', '未按规定公示应当公示的信息'))
          ORDER BY md5(i.id::text) LIMIT 3`,
      z.object({ id: z.string(), target_id: z.string(), published_at: z.coerce.date() }),
    );
    const table = await loadHolidayTable(tx);
    const filed = (at: Date) => {
      const due = appealDueOn(isoDate(chinaToday(at)), DEFAULT_APPEAL_TERMS, table);
      return { filedAt: at, dueOn: due.date, dueProvisional: due.provisional };
    };
    const [objection, repaired, repairing] = rows;
    const values: (typeof resultAppeals.$inferInsert)[] = [];
    if (objection !== undefined) {
      values.push({
        inspectionId: objection.id,
        targetId: objection.target_id,
        kind: 'objection',
        text: '检查当日我单位已在经营场所醒目位置公示营业执照和许可证，检查结果记载“未按规定公示”与事实不符，请予核实更正。',
        contact: '办公室 023-67000000',
        assignedTo: 'leader',
        ...filed(new Date(objection.published_at.getTime() + 3 * DAY)),
      });
    }
    if (repaired !== undefined) {
      const decided = new Date(repaired.published_at.getTime() + 25 * DAY);
      values.push({
        inspectionId: repaired.id,
        targetId: repaired.target_id,
        kind: 'credit_repair',
        text: '我单位已按责令改正通知书要求完成整改，并报送整改报告，申请信用修复。',
        contact: '法务部 023-67000001',
        assignedTo: 'leader',
        ...filed(new Date(repaired.published_at.getTime() + 20 * DAY)),
        status: 'approved',
        decidedAt: decided,
        decidedBy: 'leader',
        reason: '经复查整改到位，准予信用修复',
        effectiveFrom: chinaToday(decided),
      });
    }
    if (repairing !== undefined) {
      values.push({
        inspectionId: repairing.id,
        targetId: repairing.target_id,
        kind: 'credit_repair',
        text: '发现的问题已全部整改，整改前后照片和说明已附上，申请信用修复。',
        contact: '负责人 13800000000',
        assignedTo: 'leader',
        ...filed(new Date(now.getTime() - DAY)),
      });
    }
    if (values.length > 0) {
      await tx.insert(resultAppeals).values(values);
    }
    return values.length;
  });
}
