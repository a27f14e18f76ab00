/**
 * A task's definition (抽查任务): items, target scope, strata with ratios, window, lead and
 * participating departments, team quota and the jurisdiction rule — as zod schemas shared by
 * server and web, and the checks that do not need the database.
 */
import { z } from 'zod';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { CANONICAL_RATIO } from '../draw/sample-size';
import { TARGET_TYPES } from '../reference/target-key';
import { TARGET_STATUSES } from '../targets/target';
import { tierSourceSchema } from '../risk/indicators';
import { isoDateSchema } from '../calendar/iso-date.schema';

/** A stratum's tiers: A–D, or `unrated` for targets without a credit tier. */
export const stratumTierSchema = z.enum(['A', 'B', 'C', 'D', 'unrated']);
export type StratumTier = z.infer<typeof stratumTierSchema>;

const code = z.string().trim().min(1).max(40);

/** Scope filters (spec §4: targets outside them are simply not candidates). Empty list = no filter. */
export const taskScopeSchema = z.strictObject({
  types: z.array(z.enum(TARGET_TYPES)).max(10).default([]),
  /** GB/T 2260 codes; a district or a whole city/province prefix. */
  divisions: z
    .array(z.string().regex(/^\d{6}$/, '6 位行政区划代码'))
    .max(200)
    .default([]),
  /** GB/T 4754 codes (section letter or 2–4 digits). */
  industries: z
    .array(z.string().regex(/^(?:[A-T]|\d{2,4})$/, 'GB/T 4754 门类或 2–4 位代码'))
    .max(200)
    .default([]),
  tags: z.array(z.string().trim().min(1).max(30)).max(50).default([]),
  statuses: z.array(z.enum(TARGET_STATUSES)).max(5).default([]),
  /** Departments that claimed the target (认领); empty: any. */
  claimedBy: z.array(code).max(50).default([]),
});
export type TaskScope = z.infer<typeof taskScopeSchema>;

/** One stratum of a task (spec §3): a name, the tiers it holds, a canonical ratio, min and max. */
export const stratumSpecSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[^\t\n/]+$/, 'no TAB, newline or /'),
  /** null: every target (the single stratum `all`). */
  tiers: z.array(stratumTierSchema).min(1).nullable(),
  ratio: z.string().regex(CANONICAL_RATIO, '规范比例：1 或 0.xx（不以 0 结尾）'),
  min: z.int().min(0).max(1_000_000).default(0),
  max: z.int().min(1).max(1_000_000).nullable().default(null),
});
export type StratumSpec = z.infer<typeof stratumSpecSchema>;

const isoDay = isoDateSchema;

/** Everything a department admin writes for a task. */
export const taskSpecSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  itemIds: z.array(z.uuid()).min(1).max(100),
  scope: taskScopeSchema,
  strata: z.array(stratumSpecSchema).min(1).max(10),
  windowStart: isoDay,
  windowEnd: isoDay,
  participants: z.array(code).max(30).default([]),
  /** Team quota {department: n}; omitted: the art. 42 default (see defaultQuota). */
  quota: z.record(code, z.int().min(1).max(20)).optional(),
  jurisdictionRule: z.boolean().default(false),
  /** Allow the adjacent-region fallback pool (spec §5), when the region configures one. */
  crossRegion: z.boolean().default(false),
  /**
   * Which tier the strata read (信用风险分类): 'computed' (this system's score), 'imported' (e.g. the
   * national A–D classification), or null for each target's effective tier (the region's preference).
   */
  tierSource: tierSourceSchema.nullable().default(null),
});
export type TaskSpec = z.infer<typeof taskSpecSchema>;
export type TaskSpecInput = z.input<typeof taskSpecSchema>;

/** 行政处罚法 art. 42: two inspectors for one department; one per department for a joint task. */
export function defaultQuota(lead: string, participants: readonly string[]): Record<string, number> {
  const depts = [lead, ...participants.filter((p) => p !== lead)];
  return depts.length === 1 ? { [lead]: 2 } : Object.fromEntries(depts.map((d) => [d, 1]));
}

function issue(field: string, zh: string, en: string): FieldIssue {
  return { field, messageZh: zh, messageEn: en };
}

/** The checks of a task spec that need no database: window, strata, departments and quota (art. 42). */
export function checkTaskSpec(
  spec: TaskSpec,
  lead: string,
): Result<TaskSpec & { quota: Record<string, number> }, DomainError> {
  const issues: FieldIssue[] = [];
  if (spec.windowEnd < spec.windowStart) {
    issues.push(issue('windowEnd', '结束日期早于开始日期', 'the window ends before it starts'));
  }
  const names = new Set<string>();
  const tiers = new Set<string>();
  const hasAll = spec.strata.some((s) => s.tiers === null);
  if (hasAll && spec.strata.length > 1) {
    issues.push(
      issue('strata', '「全部」分层只能单独使用', 'a stratum over every target must be the only stratum'),
    );
  }
  for (const [i, s] of spec.strata.entries()) {
    if (names.has(s.name)) {
      issues.push(
        issue(`strata.${i}.name`, `分层名称重复：${s.name}`, `stratum name ${s.name} appears twice`),
      );
    }
    names.add(s.name);
    for (const t of s.tiers ?? []) {
      if (tiers.has(t)) {
        issues.push(
          issue(
            `strata.${i}.tiers`,
            `信用等级 ${t} 出现在两个分层中（分层须互不重叠）`,
            `tier ${t} is in two strata (strata must be disjoint)`,
          ),
        );
      }
      tiers.add(t);
    }
    if (s.max !== null && s.max < s.min) {
      issues.push(issue(`strata.${i}.max`, '最大样本量小于最小样本量', 'max is below min'));
    }
  }
  if (spec.tierSource !== null && hasAll) {
    issues.push(
      issue(
        'tierSource',
        '未按信用风险分层时无需选择分级来源',
        'a tier source applies only to strata by credit-risk tier',
      ),
    );
  }
  if (spec.participants.includes(lead)) {
    issues.push(
      issue('participants', '发起部门不能同时是参与部门', 'the lead department cannot also participate'),
    );
  }
  if (new Set(spec.participants).size !== spec.participants.length) {
    issues.push(issue('participants', '参与部门重复', 'a participating department appears twice'));
  }
  const quota = spec.quota ?? defaultQuota(lead, spec.participants);
  const depts = [lead, ...spec.participants];
  const quotaKeys = Object.keys(quota);
  if (quotaKeys.length !== depts.length || depts.some((d) => quota[d] === undefined)) {
    issues.push(
      issue(
        'quota',
        '人员配额须列出发起部门和每个参与部门',
        'the quota must list the lead and every participating department',
      ),
    );
  }
  const total = Object.values(quota).reduce((a, n) => a + n, 0);
  if (total < 2 || Object.values(quota).some((n) => n < 1)) {
    issues.push(
      issue(
        'quota',
        '《行政处罚法》第四十二条：执法人员不得少于两人；联合检查每部门至少 1 人',
        'art. 42: at least two inspectors, and at least one per department for a joint task',
      ),
    );
  }
  if (issues.length > 0) {
    return err(domainError('VALIDATION', '抽查任务填写有误', 'the task has errors', { issues }));
  }
  return ok({ ...spec, quota });
}

/** The tiers condition of a stratum as a predicate on a target's tier (null = unrated). */
export function stratumHolds(s: Pick<StratumSpec, 'tiers'>, tier: string | null): boolean {
  return (
    s.tiers === null ||
    s.tiers.includes(tier === null ? 'unrated' : stratumTierSchema.catch('unrated').parse(tier))
  );
}
