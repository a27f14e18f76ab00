/** Masking personal data for the portal (issue 5). */
import { describe, expect, it } from 'vitest';
import {
  maskFreeText,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  publicInspectorLabel,
} from '../../src/publication';

describe('maskPersonName', () => {
  it('keeps the surname and adds 某某', () => {
    expect(maskPersonName('王小明')).toBe('王某某');
    expect(maskPersonName('王五')).toBe('王某某');
    expect(maskPersonName(' 李 ')).toBe('李某某');
  });
  it('keeps a compound surname whole', () => {
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某某');
    expect(maskPersonName('司马懿')).toBe('司马某某');
    expect(maskPersonName('欧阳')).toBe('欧某某'); // just two characters: surname 欧, given name 阳
  });
  it('handles empty and Latin names', () => {
    expect(maskPersonName(null)).toBe('');
    expect(maskPersonName('')).toBe('');
    expect(maskPersonName('John Smith')).toBe('J***');
  });
  it('never leaks the given name', () => {
    for (const n of ['张三丰', '诸葛亮', '赵钱孙李']) {
      expect(maskPersonName(n)).not.toContain(n.slice(-1));
    }
  });
});

describe('other masks', () => {
  it('shows inspectors by badge number only', () => {
    expect(publicInspectorLabel({ badgeNo: 'YB-001' })).toBe('YB-001');
    expect(publicInspectorLabel({ badgeNo: null, expert: true })).toBe('专家');
    expect(publicInspectorLabel({ badgeNo: null })).toBe('—');
  });
  it('masks phones and identity numbers, also inside free text', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('****');
    expect(maskIdNumber('11010119900307123X')).toBe('110101***********X');
    expect(maskFreeText('负责人电话13812345678，身份证11010119900307123X')).toBe(
      '负责人电话138****5678，身份证110101********X',
    );
  });
});
