// The visit page maps every server reason of a refused submission to its card (issue 11).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors';
import { groupSubmitIssues, hasIssues, NO_ISSUES } from '../src/pages/console/inspection/submit-issues';

const refused = (issues: { field: string; messageZh: string; messageEn: string }[]) =>
  new ApiError({
    status: 400,
    code: 'VALIDATION',
    messageZh: `检查记录不完整（${issues.length} 处）`,
    messageEn: 'incomplete',
    details: { issues },
  });

describe('groupSubmitIssues', () => {
  it('puts the confirmations reason beside the confirmations step, and item reasons on their items', () => {
    const e = refused([
      { field: 'item-1.category', messageZh: '「甲」未选择检查结果', messageEn: 'A: no category' },
      { field: 'item-1.scene', messageZh: '「甲」现场照片：须拍照', messageEn: 'A: photo' },
      {
        field: 'confirmations',
        messageZh: '须至少 2 名执法人员本人确认（已确认 1 名）',
        messageEn: 'at least 2 must confirm',
      },
      { field: 'businessSignature', messageZh: '企业尚未签字确认，也未记录拒签', messageEn: 'no signature' },
      { field: 'mystery', messageZh: '其他原因', messageEn: 'other' },
    ]);
    const g = groupSubmitIssues(e, ['item-1', 'item-2'], 'zh-CN');
    expect(g.confirmations).toEqual(['须至少 2 名执法人员本人确认（已确认 1 名）']);
    expect(g.items).toEqual({ 'item-1': ['「甲」未选择检查结果', '「甲」现场照片：须拍照'] });
    expect(g.fields['item-1.category']).toBe('「甲」未选择检查结果');
    expect(g.signature).toEqual(['企业尚未签字确认，也未记录拒签']);
    expect(g.other).toEqual(['其他原因']);
    expect(hasIssues(g)).toBe(true);
    expect(groupSubmitIssues(e, ['item-1'], 'en').confirmations).toEqual(['at least 2 must confirm']);
  });

  it('finds nothing in errors without issues', () => {
    expect(groupSubmitIssues(new Error('x'), [], 'zh-CN')).toBe(NO_ISSUES);
    const plain = new ApiError({ status: 409, code: 'CONFLICT', messageZh: '冲突', messageEn: 'conflict' });
    expect(hasIssues(groupSubmitIssues(plain, [], 'zh-CN'))).toBe(false);
  });
});
