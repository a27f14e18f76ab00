/**
 * Joint-task proposals (部门联合抽查, issue 6): the SQL behind services/joint.service.ts. Each
 * proposal row comes back with the merged tasks' titles in task_ids order.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { jointProposals } from '../../db/schema';
import { exec, queryRows } from '../../db/sql';

export { commonTargetCount } from '../workflow';

export const proposalRow = z.object({
  id: z.string(),
  year: z.coerce.number(),
  task_ids: z.array(z.string()),
  titles: z.array(z.string()),
  departments: z.array(z.string()),
  responses: z.unknown(),
  estimate: z.unknown(),
  status: z.string(),
  joint_task_id: z.string().nullable(),
  created_by: z.string(),
  created_at: z.coerce.date(),
});
export type ProposalRow = z.infer<typeof proposalRow>;

async function proposalRows(db: Db, where: SQL, lock = false): Promise<ProposalRow[]> {
  return queryRows(
    db,
    sql`SELECT *, ARRAY(SELECT coalesce(t.title, u.id) FROM unnest(task_ids) WITH ORDINALITY u(id, o) LEFT JOIN tasks t ON t.id = u.id ORDER BY u.o) AS titles
        FROM joint_proposals WHERE ${where} ORDER BY created_at DESC, id ${lock ? sql`FOR UPDATE` : sql``}`,
    proposalRow,
  );
}

/** A year's open proposals. */
export function openProposalsOfYear(db: Db, year: number): Promise<ProposalRow[]> {
  return proposalRows(db, sql`year = ${year} AND status = 'open'`);
}

/** A year's proposals, all of them or only those a department takes part in. */
export function proposalsOfYear(db: Db, year: number, department: string | null): Promise<ProposalRow[]> {
  const mine = department === null ? sql`true` : sql`${department} = ANY(departments)`;
  return proposalRows(db, sql`year = ${year} AND ${mine}`);
}

/** Open proposals that already cover both tasks. */
export function openProposalsCovering(db: Db, taskA: string, taskB: string): Promise<ProposalRow[]> {
  return proposalRows(db, sql`status = 'open' AND task_ids @> ${`{${taskA},${taskB}}`}::text[]`);
}

/** One proposal by id (any text: a malformed id finds nothing), optionally locked FOR UPDATE. */
export async function findProposal(db: Db, id: string, lock = false): Promise<ProposalRow | undefined> {
  const [row] = await proposalRows(db, sql`id::text = ${id}`, lock);
  return row;
}

/** Stores a new proposal; returns its id. */
export async function insertProposal(
  db: Db,
  p: {
    year: number;
    taskIds: string[];
    departments: string[];
    responses: unknown;
    estimate: unknown;
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const [row] = await db.insert(jointProposals).values(p).returning({ id: jointProposals.id });
  return row?.id ?? '';
}

/** Records the departments' answers and the resulting status (and joint task, once accepted). */
export async function updateProposalAnswers(
  db: Db,
  id: string,
  responses: unknown,
  status: string,
  jointTaskId: string | null,
): Promise<void> {
  await exec(
    db,
    sql`UPDATE joint_proposals SET responses = ${JSON.stringify(responses)}::jsonb, status = ${status}, joint_task_id = ${jointTaskId} WHERE id = ${id}`,
  );
}
