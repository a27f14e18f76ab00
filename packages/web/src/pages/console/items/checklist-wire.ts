/**
 * Between core's checklist field type (optional props may hold undefined) and the API body
 * type (absent props only): rebuilds a field without undefined properties.
 */
import type { ChecklistField } from '@openssj/core';
import type { ChecklistFieldView } from '../../../api/library-types';

function opt<K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, V>);
}

/** A field as the API body wants it. */
export function toWireField(f: ChecklistField): ChecklistFieldView {
  const base = {
    key: f.key,
    label: f.label,
    required: f.required,
    photoRequired: f.photoRequired,
    ...opt('hint', f.hint),
  };
  switch (f.kind) {
    case 'yesNo':
      return { ...base, kind: 'yesNo' };
    case 'number':
      return { ...base, kind: 'number', ...opt('unit', f.unit), ...opt('min', f.min), ...opt('max', f.max) };
    case 'text':
      return { ...base, kind: 'text', ...opt('maxLength', f.maxLength) };
    case 'photo':
      return { ...base, kind: 'photo', ...opt('maxPhotos', f.maxPhotos) };
    case 'choice':
      return { ...base, kind: 'choice', options: [...f.options], ...opt('preset', f.preset) };
  }
}
