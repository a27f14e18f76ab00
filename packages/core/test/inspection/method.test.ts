/** Remote inspection (issue 15, part 3): the method and its record, and what submission asks of each. */
import { describe, expect, it } from 'vitest';
import { resultCategoryField } from '../../src/library';
import {
  checkMethod,
  checkSubmission,
  isRemoteMethod,
  VISIT_METHOD_LABELS,
  VISIT_METHODS,
  type VisitItem,
  type VisitMethod,
} from '../../src/inspection';

describe('checkMethod', () => {
  it('needs a record of what a remote inspection looked at, and drops one from an on-site inspection', () => {
    for (const m of VISIT_METHODS) {
      const none = checkMethod(m, '  ');
      const some = checkMethod(m, '  审查了进货台账和营业执照  ');
      expect(none.ok).toBe(!isRemoteMethod(m));
      expect(some.ok && some.value.remoteEvidence).toBe(
        isRemoteMethod(m) ? '审查了进货台账和营业执照' : null,
      );
      if (!none.ok) {
        expect(none.error.issues?.[0]?.field).toBe('remoteEvidence');
        expect(none.error.messageZh).toContain(VISIT_METHOD_LABELS[m].zh);
      }
    }
    expect(checkMethod('video', 'x'.repeat(2001)).ok).toBe(false);
    expect(VISIT_METHODS.filter(isRemoteMethod)).toEqual(['document', 'online', 'video']);
  });
});

describe('checkSubmission by method', () => {
  const item: VisitItem = { itemId: 'i1', name: '执照', departmentCode: 'D', form: [resultCategoryField()] };
  const base = {
    items: [item],
    photoKeys: new Set<string>(),
    team: [
      { id: 'A', departmentCode: 'D' },
      { id: 'B', departmentCode: 'D' },
    ],
    confirmations: [{ inspectorId: 'A' }, { inspectorId: 'B' }],
    signature: null,
    results: [{ itemId: 'i1', category: '未发现问题' as const, categoryNote: null, answers: {} }],
  };
  const fields = (method: VisitMethod, remoteEvidence: string | null) => {
    const r = checkSubmission({ ...base, method, remoteEvidence });
    return r.ok ? [] : (r.error.issues ?? []).map((i) => i.field);
  };
  it('asks an on-site visit for the signature or refusal, and a remote one for its record instead', () => {
    expect(fields('onsite', null)).toEqual(['businessSignature']);
    expect(fields('document', null)).toEqual(['remoteEvidence']);
    expect(fields('video', '视频连线检查了后厨和冷库')).toEqual([]);
  });
  it('still needs two inspectors to confirm a remote inspection', () => {
    const r = checkSubmission({
      ...base,
      confirmations: [{ inspectorId: 'A' }],
      method: 'online',
      remoteEvidence: '网络监测店铺页面的公示信息',
    });
    expect(r.ok ? [] : (r.error.issues ?? []).map((i) => i.field)).toEqual(['confirmations']);
  });
});
