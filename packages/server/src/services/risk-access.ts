/**
 * Who may see and change credit-risk data of a region (issue 6): staff read their own region
 * and the regions below it (auditors and system admins everywhere); the model and scoring are
 * changed by a dept_admin of a market regulator (…-SCJG) of that region or above, or a system admin.
 */
import { domainError, type DomainError } from '@openssj/core';
import { z } from 'zod';
import { CROSS_DEPARTMENT_READERS, hasAnyRole, type Actor } from '../auth/actor';
import { divisionRange } from '../db/repos/target-filter';

/** A region code (GB/T 2260, 6 digits), or 'all'. */
export const riskRegionSchema = z.union([
  z.string().regex(/^\d{6}$/, '6-digit region code'),
  z.literal('all'),
]);

/** Does region `outer` contain `inner` ('all' contains everything)? */
export function regionContains(outer: string, inner: string): boolean {
  if (outer === 'all') {
    return true;
  }
  if (inner === 'all') {
    return false;
  }
  const r = divisionRange(outer);
  return inner >= r.lo && inner <= r.hi;
}

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
  return hasAnyRole(actor, CROSS_DEPARTMENT_READERS) || regionContains(actor.regionCode, region);
}

/** May the actor change the model or run scoring for the region? */
export function canWriteRiskRegion(actor: Actor, region: string): boolean {
  if (actor.roles.includes('system_admin')) {
    return true;
  }
  return (
    actor.roles.includes('dept_admin') &&
    actor.departmentCode.endsWith('-SCJG') &&
    region !== 'all' &&
    regionContains(actor.regionCode, region)
  );
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
