/**
 * Recusal declarations (回避, 002 internal-audit measures art. 13): an inspector's conflict with a
 * target — kinship, economic interest, or other — which the draw turns into pair exclusions
 * (spec §5). The reason is for admins and auditors only; the public sees the pair.
 */
import { z } from 'zod';

export const RECUSAL_KINDS = ['kinship', 'economic', 'other'] as const;
export type RecusalKind = (typeof RECUSAL_KINDS)[number];

export const RECUSAL_KIND_LABELS: Readonly<Record<RecusalKind, { zh: string; en: string }>> = {
  kinship: { zh: '亲属关系', en: 'Kinship' },
  economic: { zh: '经济利益', en: 'Economic interest' },
  other: { zh: '其他', en: 'Other' },
};

export const RECUSAL_REASON_MAX = 500;

/** A new declaration: the target, the kind, and the reason in words. */
export const newRecusalSchema = z.object({
  targetId: z.string().trim().min(1).max(100),
  kind: z.enum(RECUSAL_KINDS),
  reason: z.string().trim().min(1).max(RECUSAL_REASON_MAX),
});
export type NewRecusalInput = z.infer<typeof newRecusalSchema>;

/** Withdrawing a declaration: a short note of why. */
export const withdrawRecusalSchema = z.object({ note: z.string().trim().max(RECUSAL_REASON_MAX).optional() });
