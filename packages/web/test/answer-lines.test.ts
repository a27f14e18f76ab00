// The reviewer sees the inspector's 备注 and every checklist answer (issue 11).
import { defaultChecklistForm, type ChecklistField } from '@openssj/core';
import { describe, expect, it } from 'vitest';
import { answerLines } from '../src/pages/console/inspection/answer-lines';

const form: ChecklistField[] = [
  ...defaultChecklistForm(),
  { key: 'licensed', label: '持有有效营业执照', kind: 'yesNo', required: true, photoRequired: false },
  { key: 'area', label: '经营面积', kind: 'number', required: false, photoRequired: false, unit: '㎡' },
  { key: 'scene', label: '现场照片', kind: 'photo', required: true, photoRequired: true },
];

describe('answerLines', () => {
  it('lists the remarks and the other answers in form order, photos and blanks left out', () => {
    const lines = answerLines(
      form,
      { result: '其他', remarks: '店主称下周整改', licensed: true, area: 120, followUp: '', scene: 'x' },
      'zh-CN',
    );
    expect(lines.map((l) => [l.label, l.text])).toEqual([
      ['检查结果', '其他'],
      ['备注（选择“其他”时必填）', '店主称下周整改'],
      ['持有有效营业执照', '是'],
      ['经营面积', '120 ㎡'],
    ]);
    expect(lines.filter((l) => l.remark).map((l) => l.text)).toEqual(['店主称下周整改']);
    expect(answerLines(form, { licensed: false }, 'en')).toEqual([
      { key: 'licensed', label: '持有有效营业执照', text: 'No', remark: false },
    ]);
  });
});
