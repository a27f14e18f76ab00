/**
 * 检查结果: the result categories of docs/domain.md as a zod enum, with the rules that hang
 * on a category (其他 needs text; which categories are problems; which go to the abnormal list).
 */
import { z } from 'zod';
import { RESULT_CATEGORIES, type ResultCategory } from '../library/checklist';

export { RESULT_CATEGORIES, type ResultCategory };

/** A result category, exactly as in docs/domain.md. */
export const resultCategorySchema = z.enum(RESULT_CATEGORIES);

/** The category that needs a written explanation. */
export const OTHER_CATEGORY: ResultCategory = '其他';

/** Categories that send a market entity to the abnormal-operations list (local practice: within 10 working days). */
export const ABNORMAL_LIST_CATEGORIES: readonly ResultCategory[] = [
  '通过登记的住所（经营场所）无法联系',
  '公示信息隐瞒真实情况、弄虚作假',
];

/** Categories that mean nothing needs doing (no follow-up expected). */
const NO_PROBLEM: readonly ResultCategory[] = [
  '未发现问题',
  '未发现开展本次抽查涉及的经营活动',
  '已关闭停业或正在组织清算',
  '已注销／被吊销／被撤销／已迁出',
];

/** English labels for the categories (the Chinese text is the value itself). */
export const RESULT_CATEGORY_EN: Readonly<Record<ResultCategory, string>> = {
  未发现问题: 'No problem found',
  未按规定公示应当公示的信息: 'Required information not disclosed',
  '公示信息隐瞒真实情况、弄虚作假': 'Disclosed information false or concealing facts',
  '通过登记的住所（经营场所）无法联系': 'Cannot be reached at the registered address',
  发现问题已责令改正: 'Problem found, correction ordered',
  发现问题待后续处理: 'Problem found, pending follow-up',
  未发现开展本次抽查涉及的经营活动: 'No business activity within this inspection found',
  已关闭停业或正在组织清算: 'Closed or in liquidation',
  不配合检查情节严重: 'Seriously uncooperative',
  '已注销／被吊销／被撤销／已迁出': 'Deregistered / revoked / cancelled / moved out',
  其他: 'Other',
};

/** True when a category reports a problem that needs a follow-up (后续处置). */
export function isProblemCategory(c: ResultCategory): boolean {
  return !NO_PROBLEM.includes(c) && c !== OTHER_CATEGORY;
}

/** True when a category goes to the abnormal-operations list. */
export function needsAbnormalList(c: ResultCategory): boolean {
  return ABNORMAL_LIST_CATEGORIES.includes(c);
}

/** The worst category among several results, for a one-line summary (domain order: later is not worse, so problems first). */
export function summaryCategory(categories: readonly ResultCategory[]): ResultCategory | null {
  if (categories.length === 0) {
    return null;
  }
  const problem = categories.find(isProblemCategory);
  if (problem !== undefined) {
    return problem;
  }
  return categories.find((c) => c === OTHER_CATEGORY) ?? categories[0] ?? null;
}
