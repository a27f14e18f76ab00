/**
 * Checking a region's evaluation criteria (考核指标与权重, issue 6) with one message per field, in
 * Chinese and English, so that the server's refusal and the console's editor say the same thing.
 */
import type { ZodError } from 'zod';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import {
  EVALUATION_CRITERIA,
  evaluationConfigSchema,
  type EvaluationConfig,
  type EvaluationCriterion,
} from './evaluation';

/** The people's names of the criteria (the report's column headers). */
export const EVALUATION_CRITERION_NAMES: Readonly<
  Record<EvaluationCriterion, { readonly zh: string; readonly en: string }>
> = {
  planOnTime: { zh: '计划按时公布率', en: 'plans published on time' },
  coverage: { zh: '事项清单覆盖率', en: 'item-list coverage' },
  jointShare: { zh: '联合抽查占比', en: 'joint share' },
  onTimePublication: { zh: '结果按时公示率', en: 'results published on time' },
  followUpClosure: { zh: '后续处置办结率', en: 'follow-up closure' },
  riskUsage: { zh: '信用风险分类使用率', en: 'credit-risk usage' },
  problemDiscovery: { zh: '问题发现率', en: 'problem-discovery rate' },
};

function isCriterion(v: unknown): v is EvaluationCriterion {
  return typeof v === 'string' && (EVALUATION_CRITERIA as readonly string[]).includes(v);
}

/** The criterion a path `criteria.<i>.…` points at, as "第 i 项「name」" / "criterion i (name)". */
function which(input: unknown, index: number): { zh: string; en: string } {
  const list: unknown =
    typeof input === 'object' && input !== null && 'criteria' in input ? input.criteria : undefined;
  const row: unknown = Array.isArray(list) ? list[index] : undefined;
  const key = typeof row === 'object' && row !== null && 'key' in row ? row.key : undefined;
  const name = isCriterion(key) ? EVALUATION_CRITERION_NAMES[key] : null;
  return {
    zh: `第 ${index + 1} 项${name === null ? '' : `「${name.zh}」`}`,
    en: `criterion ${index + 1}${name === null ? '' : ` (${name.en})`}`,
  };
}

type Issue = ZodError['issues'][number];

function issueOf(input: unknown, i: Issue): FieldIssue {
  const field = i.path.map(String).join('.');
  const [head, index, leaf] = i.path;
  if (head === 'criteria' && typeof index === 'number') {
    const w = which(input, index);
    if (leaf === 'weight') {
      return {
        field,
        messageZh: `${w.zh}的权重须为 0 到 100 之间的数`,
        messageEn: `${w.en}: the weight must be a number from 0 to 100`,
      };
    }
    if (leaf === 'target') {
      return {
        field,
        messageZh: `${w.zh}的目标值须大于 0% 且不超过 100%`,
        messageEn: `${w.en}: the target must be above 0 % and at most 100 %`,
      };
    }
    if (leaf === 'key') {
      return {
        field,
        messageZh: `${w.zh}不是可用的考核指标`,
        messageEn: `${w.en}: not a known criterion`,
      };
    }
  }
  if (head === 'criteria' && index === undefined) {
    if (i.code === 'too_small') {
      return { field, messageZh: '至少设置一项考核指标', messageEn: 'set at least one criterion' };
    }
    if (i.code === 'too_big') {
      return {
        field,
        messageZh: `考核指标最多 ${EVALUATION_CRITERIA.length} 项`,
        messageEn: `at most ${EVALUATION_CRITERIA.length} criteria`,
      };
    }
    if (i.code === 'custom') {
      return { field, messageZh: '每项考核指标只能设置一次', messageEn: 'each criterion may appear once' };
    }
  }
  return {
    field,
    messageZh: `配置项 ${field === '' ? '(全部)' : field} 无效：${i.message}`,
    messageEn: `${field === '' ? '(root)' : field}: ${i.message}`,
  };
}

/**
 * Parse and check a region's criteria: the schema (weights 0–100, targets in (0, 1], each
 * criterion once), then some weight above zero, else no department could ever be scored.
 */
export function validateEvaluationConfig(input: unknown): Result<EvaluationConfig, DomainError> {
  const parsed = evaluationConfigSchema.safeParse(input);
  if (!parsed.success) {
    return err(
      domainError('VALIDATION', '考核指标配置无效', 'invalid evaluation criteria', {
        issues: parsed.error.issues.map((i) => issueOf(input, i)),
      }),
    );
  }
  const total = parsed.data.criteria.reduce((a, c) => a + c.weight, 0);
  if (total <= 0) {
    const issue: FieldIssue = {
      field: 'criteria',
      messageZh: '权重合计须大于 0，否则无法计算考核得分',
      messageEn: 'the weights must add up to more than 0, or no one can be scored',
    };
    return err(
      domainError('VALIDATION', '考核指标配置无效', 'invalid evaluation criteria', { issues: [issue] }),
    );
  }
  return ok(parsed.data);
}
