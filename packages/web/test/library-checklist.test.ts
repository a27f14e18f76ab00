// The guideline editor's logic: core's schema decides validity; the wire form drops undefined props.
import {
  defaultChecklistForm,
  newChecklistField,
  resultCategoryField,
  type ChecklistField,
} from '@openssj/core';
import { describe, expect, it } from 'vitest';
import { checklistProblem } from '../src/pages/console/items/ChecklistEditor';
import { toWireField } from '../src/pages/console/items/checklist-wire';

describe('checklist editor logic', () => {
  it('accepts the default form and reports a duplicate key', () => {
    const form = defaultChecklistForm();
    expect(checklistProblem(form)).toBe(null);
    const first = form[0];
    expect(first).toBeDefined();
    if (first !== undefined) {
      expect(checklistProblem([first, first])).toContain('key');
    }
    expect(checklistProblem([])).not.toBe(null);
  });

  it('adds fresh fields with unused keys', () => {
    const form: ChecklistField[] = [newChecklistField('yesNo', [])];
    const next = newChecklistField(
      'choice',
      form.map((f) => f.key),
    );
    expect(next.key).not.toBe(form[0]?.key);
    expect(checklistProblem([...form, next])).toBe(null);
  });

  it('writes fields without undefined properties', () => {
    const f: ChecklistField = {
      key: 'n',
      label: '面积',
      kind: 'number',
      required: true,
      photoRequired: false,
      unit: undefined,
      hint: '平方米',
    };
    expect(Object.keys(toWireField(f)).sort()).toEqual([
      'hint',
      'key',
      'kind',
      'label',
      'photoRequired',
      'required',
    ]);
    expect(toWireField(resultCategoryField())).toMatchObject({ kind: 'choice', preset: 'resultCategories' });
  });
});
