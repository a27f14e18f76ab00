/**
 * A target as the API shows it: the view schema, the row-to-view mapping and the masking of fields a caller may not see.
 */
import { allows, maskPersonName, lookupDivision, lookupIndustry } from '@openssj/core';
import { z } from 'zod';
import { type Actor } from '../platform';
import { type TargetRow } from './target.repo';

/** A target as the API shows it. */
export const targetViewSchema = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  type: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  address: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  legalRep: z.string().nullable(),
  status: z.string(),
  statusDate: z.string().nullable(),
  supervisingUnit: z.string().nullable(),
  riskTier: z.string().nullable(),
  tierSource: z.string().nullable(),
  tierDate: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});

export type TargetView = z.infer<typeof targetViewSchema>;

/** Shape a row for the API, naming its division and industry (personal data unmasked: see `targetViewFor`). */
export function targetView(r: TargetRow): TargetView {
  return {
    id: r.id,
    uscc: r.uscc,
    type: r.type,
    name: r.name,
    divisionCode: r.division_code,
    divisionName: lookupDivision(r.division_code)?.fullName ?? null,
    address: r.address,
    industryCode: r.industry_code,
    industryName: r.industry_code === null ? null : (lookupIndustry(r.industry_code)?.name ?? null),
    legalRep: r.legal_rep,
    status: r.status,
    statusDate: r.status_date,
    supervisingUnit: r.supervising_unit,
    riskTier: r.risk_tier,
    tierSource: r.tier_source,
    tierDate: r.tier_date,
    tags: r.tags,
    updatedAt: r.updated_at,
  };
}

/** A target row as `actor` may see it: personal data masked (王某某) unless the policy grants `target.personal`. */
export function maskTargetRow(actor: Actor, r: TargetRow): TargetRow {
  return r.legal_rep === null ||
    allows(actor, 'target.personal', { kind: 'target', divisionCode: r.division_code })
    ? r
    : { ...r, legal_rep: maskPersonName(r.legal_rep) };
}

/** A target as `actor` may see it (see `maskTargetRow`). */
export function targetViewFor(actor: Actor, r: TargetRow): TargetView {
  return targetView(maskTargetRow(actor, r));
}
