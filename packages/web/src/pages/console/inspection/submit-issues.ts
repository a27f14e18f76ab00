/**
 * The server's reasons for refusing a submission (`details.issues`, each with a field path such
 * as `<itemId>.category`, `confirmations`, `businessSignature` or `remoteEvidence`) grouped by the card of the visit
 * page they concern, so each reason shows beside its field or step (issue 11).
 */
import { z } from 'zod';
import { ApiError } from '../../../api/errors';
import type { Language } from '../../../i18n/types';

const issuesSchema = z.object({
  issues: z.array(z.object({ field: z.string(), messageZh: z.string(), messageEn: z.string() })),
});

export interface SubmitIssues {
  /** Per item id: the reasons of its fields. */
  readonly items: Readonly<Record<string, readonly string[]>>;
  /** Per `<itemId>.<fieldKey>`: the reason of that one field. */
  readonly fields: Readonly<Record<string, string>>;
  readonly confirmations: readonly string[];
  readonly signature: readonly string[];
  /** The method card's: a remote inspection's missing record (issue 15). */
  readonly method: readonly string[];
  /** Reasons that name no card of the page. */
  readonly other: readonly string[];
}

export const NO_ISSUES: SubmitIssues = {
  items: {},
  fields: {},
  confirmations: [],
  signature: [],
  method: [],
  other: [],
};

/** Group an error's issues by item, confirmations, signature and the rest (in the UI language). */
export function groupSubmitIssues(error: unknown, itemIds: readonly string[], lang: Language): SubmitIssues {
  const parsed = error instanceof ApiError ? issuesSchema.safeParse(error.details) : null;
  if (parsed === null || !parsed.success) {
    return NO_ISSUES;
  }
  const items: Record<string, string[]> = {};
  const fields: Record<string, string> = {};
  const confirmations: string[] = [];
  const signature: string[] = [];
  const method: string[] = [];
  const other: string[] = [];
  for (const i of parsed.data.issues) {
    const text = lang === 'en' ? i.messageEn : i.messageZh;
    const [head = '', ...rest] = i.field.split('.');
    if (i.field === 'confirmations') {
      confirmations.push(text);
    } else if (i.field === 'businessSignature') {
      signature.push(text);
    } else if (i.field === 'remoteEvidence') {
      method.push(text);
    } else if (itemIds.includes(head)) {
      (items[head] ??= []).push(text);
      if (rest.length > 0) {
        fields[i.field] = text;
      }
    } else {
      other.push(text);
    }
  }
  return { items, fields, confirmations, signature, method, other };
}

/** True when the grouping holds any reason. */
export function hasIssues(g: SubmitIssues): boolean {
  return (
    Object.keys(g.items).length > 0 ||
    g.confirmations.length > 0 ||
    g.signature.length > 0 ||
    g.method.length > 0 ||
    g.other.length > 0
  );
}
