// Checklist forms: field kinds, unique keys, presets, and the default form.
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_FIELD_KINDS,
  checklistFormSchema,
  defaultChecklistForm,
  FOLLOW_UPS,
  guidelineSchema,
  newChecklistField,
  RESULT_CATEGORIES,
  resultCategoryField,
  type ChecklistField,
} from '../../src/library';

describe('result categories', () => {
  it('are the eleven of docs/domain.md, ending with 其他', () => {
    expect(RESULT_CATEGORIES).toHaveLength(11);
    expect(RESULT_CATEGORIES[0]).toBe('未发现问题');
    expect(RESULT_CATEGORIES).toContain('通过登记的住所（经营场所）无法联系');
    expect(RESULT_CATEGORIES.at(-1)).toBe('其他');
    expect(FOLLOW_UPS).toHaveLength(6);
  });
});

describe('checklistFormSchema', () => {
  it('accepts every kind', () => {
    const form: ChecklistField[] = [
      { key: 'licence', label: '是否亮照经营', kind: 'yesNo', required: true, photoRequired: true },
      {
        key: 'area',
        label: '经营面积',
        kind: 'number',
        required: false,
        photoRequired: false,
        unit: '㎡',
        min: 0,
      },
      { key: 'note', label: '说明', kind: 'text', required: false, photoRequired: false },
      { key: 'scene', label: '现场照片', kind: 'photo', required: true, photoRequired: true },
      resultCategoryField(),
    ];
    expect(checklistFormSchema.safeParse(form).success).toBe(true);
  });

  it('accepts the default form and a fresh field of each kind', () => {
    const form = defaultChecklistForm();
    expect(checklistFormSchema.safeParse(form).success).toBe(true);
    for (const kind of CHECKLIST_FIELD_KINDS) {
      const f = newChecklistField(
        kind,
        form.map((x) => x.key),
      );
      expect(f.kind).toBe(kind);
      expect(checklistFormSchema.safeParse([...form, f]).success, kind).toBe(true);
    }
  });

  it('rejects duplicate keys, an empty form, unknown kinds, a one-option choice and an altered preset', () => {
    const yes: ChecklistField = { key: 'a', label: 'A', kind: 'yesNo', required: true, photoRequired: false };
    expect(checklistFormSchema.safeParse([yes, yes]).success).toBe(false);
    expect(checklistFormSchema.safeParse([]).success).toBe(false);
    expect(checklistFormSchema.safeParse([{ ...yes, kind: 'signature' }]).success).toBe(false);
    expect(checklistFormSchema.safeParse([{ ...yes, kind: 'choice', options: ['only'] }]).success).toBe(
      false,
    );
    expect(checklistFormSchema.safeParse([{ ...yes, kind: 'choice', options: ['x', 'x'] }]).success).toBe(
      false,
    );
    const altered = { ...resultCategoryField(), options: ['未发现问题', '其他'] };
    expect(checklistFormSchema.safeParse([altered]).success).toBe(false);
    expect(checklistFormSchema.safeParse([{ ...yes, key: '1bad' }]).success).toBe(false);
    expect(
      checklistFormSchema.safeParse([
        { key: 'n', label: 'N', kind: 'number', required: true, photoRequired: false, min: 5, max: 1 },
      ]).success,
    ).toBe(false);
  });

  it('a guideline has texts and a form', () => {
    expect(
      guidelineSchema.safeParse({
        whatToCheck: '亮照',
        how: '实地',
        legalBasis: '《条例》',
        form: defaultChecklistForm(),
      }).success,
    ).toBe(true);
    expect(
      guidelineSchema.safeParse({
        whatToCheck: 'x'.repeat(4001),
        how: '',
        legalBasis: '',
        form: defaultChecklistForm(),
      }).success,
    ).toBe(false);
  });
});
