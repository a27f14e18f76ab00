/**
 * Who may see and change credit-risk data of a region (issue 6; decided by core's policy): staff read their own region
 * and the regions below it (auditors and system admins everywhere); the model and scoring are
 * changed by a dept_admin of a market regulator (…-SCJG) of that region or above, or a system admin.
 */
import { allows, domainError, regionContains, type DomainError } from '@openssj/core';
import { z } from 'zod';
import type { Actor } from '../platform';

export { regionContains };

/** A region code (GB/T 2260, 6 digits), or 'all'. */
export const riskRegionSchema = z.union([
  z.string().regex(/^\d{6}$/, '6-digit region code'),
  z.literal('all'),
]);

/** Setting scopes from a region up: district, city, province, then 'global'. */
export function regionChain(code: string): string[] {
  if (code === 'all') {
    return ['global'];
  }
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return [...new Set(chain), 'global'];
}

/** May the actor read risk data of the region? */
export function canReadRiskRegion(actor: Actor, region: string): boolean {
  return allows(actor, 'region.read', { kind: 'region', regionCode: region });
}

/** May the actor change the model or run scoring for the region? */
export function canWriteRiskRegion(actor: Actor, region: string): boolean {
  return allows(actor, 'region.write', { kind: 'region', regionCode: region });
}

/** The refusal for a region the actor may not read or change. */
export function forbiddenRegion(region: string, write: boolean): DomainError {
  return write
    ? domainError(
        'FORBIDDEN',
        `仅本辖区市场监管部门管理员或系统管理员可修改 ${region} 的信用风险分类`,
        `only a market-regulation admin of ${region} (or above) or a system admin may change its credit-risk tiers`,
        { details: { region } },
      )
    : domainError(
        'FORBIDDEN',
        `无权查看 ${region} 的信用风险分类`,
        `no access to the credit-risk tiers of ${region}`,
        { details: { region } },
      );
}
