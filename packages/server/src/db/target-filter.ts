/**
 * The target library's search filter as SQL: name substring through the CJK gram index
 * (stored grams, 0019_name_search_at_scale.sql) or USCC prefix, USCC exact, division and industry prefixes, tier, tag,
 * status, type and claimed-by department. Shared by search, export and claim-by-filter.
 */
import { industryChildren, normalizeIndustryCode } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/** The filter of a target search, as HTTP query parameters. */
export const targetFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  uscc: z.string().trim().max(100).optional(),
  division: z
    .string()
    .trim()
    .regex(/^\d{2,6}$/, '2–6 digits')
    .optional(),
  industry: z.string().trim().max(10).optional(),
  tier: z.enum(['A', 'B', 'C', 'D']).optional(),
  tag: z.string().trim().max(30).optional(),
  status: z.enum(['在营', '注销', '吊销', '撤销', '迁出']).optional(),
  type: z.enum(['企业', '个体工商户', '农民专业合作社', '其他组织', '产品', '项目', '行为']).optional(),
  claimedBy: z.string().trim().max(40).optional(),
});
export type TargetFilter = z.infer<typeof targetFilterSchema>;

/** Escape LIKE wildcards so the query matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Is the term a single gram (one or two characters), so that gram containment is the substring test? */
export function isOneGram(term: string): boolean {
  return [...term].length <= 2;
}

/** The upper-cased term when it can be the start of a USCC (2–18 digits or capital letters), else undefined. */
export function usccPrefixOf(term: string): string | undefined {
  const t = term.trim().toUpperCase();
  return /^[0-9A-Z]{2,18}$/.test(t) ? t : undefined;
}

/** The code range a division code covers: 500000 → 50…, 500100 → 5001…, 500112 exactly. */
export function divisionRange(code: string): { lo: string; hi: string } {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) {
    p = p.slice(0, -2);
  }
  return { lo: p.padEnd(6, '0'), hi: p.padEnd(6, '9') };
}

/** The stored-code range an industry code covers (a section spans its divisions); undefined when unknown. */
export function industryRange(input: string): { lo: string; hi: string } | undefined {
  const code = normalizeIndustryCode(input);
  if (code === undefined) {
    return undefined;
  }
  if (/^[A-T]$/.test(code)) {
    const kids = industryChildren(code);
    const first = kids[0];
    const last = kids[kids.length - 1];
    return first === undefined || last === undefined
      ? undefined
      : { lo: first.code.padEnd(4, '0'), hi: last.code.padEnd(4, '9') };
  }
  return { lo: code.padEnd(4, '0'), hi: code.padEnd(4, '9') };
}

/** SQL conditions on `t` (targets) for a filter; `sql\`true\`` when empty. */
export function targetWhere(f: TargetFilter): SQL {
  const conds: SQL[] = [];
  if (f.q !== undefined && f.q !== '') {
    // The GIN index over the stored name grams finds candidates; LIKE confirms the substring
    // (a term of one or two characters is itself a gram, so the index alone is exact).
    // A term that could be (the start of) a USCC also matches USCCs by prefix, a btree range.
    const grams = sql`t.name_grams @> ssj_query_grams(${f.q})`;
    const name = isOneGram(f.q)
      ? grams
      : sql`(${grams} AND lower(t.name) LIKE ${`%${escapeLike(f.q.toLowerCase())}%`})`;
    const prefix = usccPrefixOf(f.q);
    conds.push(prefix === undefined ? name : sql`(${name} OR t.uscc LIKE ${`${prefix}%`})`);
  }
  if (f.uscc !== undefined && f.uscc !== '') {
    conds.push(sql`t.uscc = ${f.uscc.toUpperCase()}`);
  }
  if (f.division !== undefined) {
    const r = divisionRange(f.division);
    conds.push(sql`t.division_code BETWEEN ${r.lo} AND ${r.hi}`);
  }
  if (f.industry !== undefined && f.industry !== '') {
    const r = industryRange(f.industry);
    conds.push(r === undefined ? sql`false` : sql`t.industry_code BETWEEN ${r.lo} AND ${r.hi}`);
  }
  if (f.tier !== undefined) {
    conds.push(sql`t.risk_tier = ${f.tier}`);
  }
  if (f.tag !== undefined && f.tag !== '') {
    conds.push(sql`t.tags @> ARRAY[${f.tag}]::text[]`);
  }
  if (f.status !== undefined) {
    conds.push(sql`t.status = ${f.status}`);
  }
  if (f.type !== undefined) {
    conds.push(sql`t.type = ${f.type}`);
  }
  if (f.claimedBy !== undefined && f.claimedBy !== '') {
    conds.push(
      sql`EXISTS (SELECT 1 FROM target_claims c WHERE c.target_id = t.id AND c.department_code = ${f.claimedBy})`,
    );
  }
  return conds.length === 0 ? sql`true` : sql.join(conds, sql` AND `);
}
