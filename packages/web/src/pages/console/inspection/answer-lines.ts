/**
 * A result's checklist answers as label–text lines for the reviewer (issue 11: the inspector's
 * 备注 and every other answer are shown in review), in the order of the item's form.
 */
import type { ChecklistField } from '@openssj/core';
import type { Language } from '../../../i18n/types';

export interface AnswerLine {
  readonly key: string;
  readonly label: string;
  readonly text: string;
  /** A remark (备注) field: a text field whose key or label says so. */
  readonly remark: boolean;
}

/** The non-empty answers of a result, photos left out (they show as images). */
export function answerLines(
  form: readonly ChecklistField[],
  answers: Readonly<Record<string, unknown>>,
  lang: Language,
): AnswerLine[] {
  const out: AnswerLine[] = [];
  for (const f of form) {
    if (f.kind === 'photo') {
      continue;
    }
    const v = answers[f.key];
    let text: string;
    if (v === undefined || v === null || v === '') {
      continue;
    } else if (typeof v === 'boolean') {
      text = lang === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否';
    } else if (typeof v === 'number') {
      text = f.kind === 'number' && f.unit !== undefined ? `${v} ${f.unit}` : String(v);
    } else if (typeof v === 'string') {
      text = v;
    } else {
      continue;
    }
    out.push({
      key: f.key,
      label: f.label,
      text,
      remark: f.kind === 'text' && (f.key === 'remarks' || f.label.startsWith('备注')),
    });
  }
  return out;
}
