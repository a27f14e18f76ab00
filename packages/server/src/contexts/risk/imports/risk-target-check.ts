/**
 * The database check the credit-risk imports share (external tiers, risk facts): each row's target
 * exists in the library, and the importer may change risk data of the target's region.
 */
import { fieldIssue, type FieldIssue } from '@openssj/core';
import type { Db } from '../../../db/client';
import { targetDivisions } from '../risk.repo';
import { canWriteRiskRegion } from '../risk-access';
import type { ImportContext } from '../../platform';

/** What the rows carry, named in the refusal ("信用风险等级" / "tier"). */
export interface RiskDataLabel {
  readonly zh: string;
  readonly en: string;
}

export async function checkRiskTargets(
  db: Db,
  rows: readonly { row: { readonly targetId: string }; rowNumber: number }[],
  ctx: ImportContext,
  what: RiskDataLabel,
): Promise<FieldIssue[]> {
  const divisions = await targetDivisions(
    db,
    rows.map((r) => r.row.targetId),
  );
  const actor = ctx.audit.actor;
  const issues: FieldIssue[] = [];
  for (const { row, rowNumber } of rows) {
    const field = row.targetId.length === 18 && !row.targetId.includes(':') ? 'uscc' : 'code';
    const division = divisions.get(row.targetId);
    if (division === undefined) {
      issues.push(
        fieldIssue(
          { row: rowNumber, field },
          row.targetId,
          '检查对象名录库中没有该对象',
          'no such target in the target library',
        ),
      );
    } else if (actor !== null && !canWriteRiskRegion(actor, division)) {
      issues.push(
        fieldIssue(
          { row: rowNumber, field },
          row.targetId,
          `无权导入该对象的${what.zh}（${division} 不在本辖区，或非市场监管部门管理员）`,
          `not allowed to import this target's ${what.en} (${division} is outside your region, or you are not a market-regulation admin)`,
        ),
      );
    }
  }
  return issues;
}
