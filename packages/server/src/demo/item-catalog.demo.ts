/**
 * The demo item catalog (随机抽查事项清单) per department kind, with the result and
 * follow-up choices every checklist ends with. The items live in market-items.demo.ts and
 * agency-items.demo.ts.
 */
import type { TargetType } from '@openssj/core';
import type { ChecklistFieldKind, InspectionMethod, ItemPriority } from './demo.types';
import { SCJG_ITEMS } from './market-items.demo';
import {
  XF_ITEMS,
  STHJ_ITEMS,
  WJ_ITEMS,
  JW_ITEMS,
  MZ_ITEMS,
  YJ_ITEMS,
  ZJ_ITEMS,
  SW_ITEMS,
  WLJ_ITEMS,
} from './agency-items.demo';

/** One specific check of a guideline: label, field kind, unit or photo flag. */
export type CatalogCheck = readonly [label: string, kind: ChecklistFieldKind, extra?: string];

export interface CatalogItem {
  readonly name: string;
  readonly priority: ItemPriority;
  /** For general items; 0.1 when absent. */
  readonly cap?: number;
  readonly method: InspectionMethod;
  readonly articles: readonly string[];
  readonly targetTypes: readonly TargetType[];
  readonly industries?: readonly string[];
  readonly checks: readonly CatalogCheck[];
}

/** The catalog by department kind. */
export const ITEM_CATALOG: Readonly<Record<string, readonly CatalogItem[]>> = {
  SCJG: SCJG_ITEMS,
  XF: XF_ITEMS,
  STHJ: STHJ_ITEMS,
  WJ: WJ_ITEMS,
  JW: JW_ITEMS,
  MZ: MZ_ITEMS,
  YJ: YJ_ITEMS,
  ZJ: ZJ_ITEMS,
  SW: SW_ITEMS,
  WLJ: WLJ_ITEMS,
};

/** 检查结果 and 后续处置 (domain.md): the choices of every checklist, from core. */
export { FOLLOW_UPS, RESULT_CATEGORIES } from '@openssj/core';
