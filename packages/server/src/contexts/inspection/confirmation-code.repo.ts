/**
 * Confirmation codes repository: the one-time codes with which a teammate confirms a visit on the
 * recording phone (issue 11 part 3). Codes are stored hashed.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { confirmationCodes } from '../../db/schema';

export type ConfirmationCodeRow = typeof confirmationCodes.$inferSelect;
export type NewConfirmationCodeRow = typeof confirmationCodes.$inferInsert;

/** The newest unused, unexpired code of an inspector on a visit, locked for the caller's transaction. */
export async function lockLiveCode(
  tx: Db,
  inspectionId: string,
  inspectorId: string,
  now: Date,
): Promise<ConfirmationCodeRow | undefined> {
  const [row] = await tx
    .select()
    .from(confirmationCodes)
    .where(
      and(
        eq(confirmationCodes.inspectionId, inspectionId),
        eq(confirmationCodes.inspectorId, inspectorId),
        isNull(confirmationCodes.usedAt),
        gt(confirmationCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(confirmationCodes.issuedAt))
    .limit(1)
    .for('update');
  return row;
}

/** Spend a code (used) or count one more wrong try. */
export async function markCodeTried(
  tx: Db,
  id: string,
  change: { readonly usedAt: Date } | { readonly attempts: number },
): Promise<void> {
  await tx.update(confirmationCodes).set(change).where(eq(confirmationCodes.id, id));
}

/** Store a newly issued code. */
export async function insertCode(tx: Db, row: NewConfirmationCodeRow): Promise<void> {
  await tx.insert(confirmationCodes).values(row);
}
