/**
 * How items look on the wire: zod schemas for replies (and OpenAPI), and the mappers from
 * database rows, which parse the stored JSON and arrays rather than trusting them.
 */
import {
  guidelineSchema,
  INSPECTION_METHODS,
  ITEM_PRIORITIES,
  TARGET_TYPES,
  type ItemContent,
} from '@openssj/core';
import { z } from 'zod';
import type { ItemVersionRow, ItemWithVersion } from './item.repo';

const versionContent = {
  name: z.string(),
  priority: z.enum(ITEM_PRIORITIES),
  ratioCap: z.string().nullable(),
  legalBasis: z.string(),
  legalRefs: z.array(z.string()),
  method: z.enum(INSPECTION_METHODS),
  targetTypes: z.array(z.enum(TARGET_TYPES)),
  industries: z.array(z.string()),
};

/** One version of an item, as kept for tasks and shown in the history. */
export const itemVersionViewSchema = z.object({
  itemId: z.string(),
  version: z.int(),
  effectiveFrom: z.string(),
  ...versionContent,
  guideline: guidelineSchema,
  changeNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ItemVersionView = z.infer<typeof itemVersionViewSchema>;

/** An item in a list: the head and its current version without the guideline. */
export const itemSummarySchema = z.object({
  id: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  code: z.string(),
  version: z.int(),
  published: z.boolean(),
  effectiveFrom: z.string(),
  ...versionContent,
  updatedAt: z.string(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

/** One item with its current version's guideline. */
export const itemViewSchema = itemSummarySchema.extend({
  guideline: guidelineSchema,
  changeNote: z.string().nullable(),
});
export type ItemView = z.infer<typeof itemViewSchema>;

/** What the public portal shows of a published item (no internal notes or authors). */
export const publicItemSchema = itemSummarySchema.omit({ published: true, updatedAt: true });
export const publicItemDetailSchema = publicItemSchema.extend({ guideline: guidelineSchema });

const rowContent = z.object(versionContent);

/** The stored content of a version row, parsed. */
export function contentOf(v: ItemVersionRow): ItemContent {
  const c = rowContent.parse(v);
  return { ...c, guideline: guidelineSchema.parse(v.guideline) };
}

/** A version row as a view. */
export function versionView(v: ItemVersionRow): ItemVersionView {
  return {
    itemId: v.itemId,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    ...rowContent.parse(v),
    guideline: guidelineSchema.parse(v.guideline),
    changeNote: v.changeNote,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

/** An item head + current version as a list entry. */
export function itemSummary(r: ItemWithVersion): ItemSummary {
  return {
    id: r.item.id,
    departmentCode: r.item.departmentCode,
    departmentName: r.departmentName,
    code: r.item.code,
    version: r.version.version,
    published: r.item.published,
    effectiveFrom: r.version.effectiveFrom,
    ...rowContent.parse(r.version),
    updatedAt: r.item.updatedAt.toISOString(),
  };
}

/** An item head + current version with its guideline. */
export function itemView(r: ItemWithVersion): ItemView {
  return {
    ...itemSummary(r),
    guideline: guidelineSchema.parse(r.version.guideline),
    changeNote: r.version.changeNote,
  };
}

/** Canonical JSON (sorted keys) for comparing contents: jsonb does not keep key order. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val !== null && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

/** True when two contents are the same (a re-import or an edit that changes nothing). */
export function sameContent(a: ItemContent, b: ItemContent): boolean {
  return stableJson(a) === stableJson(b);
}
