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

/** 检查结果 (domain.md): the result choice of every checklist. */
export const RESULT_CATEGORIES: readonly string[] = [
  '未发现问题',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况、弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '发现问题已责令改正',
  '发现问题待后续处理',
  '未发现开展本次抽查涉及的经营活动',
  '已关闭停业或正在组织清算',
  '不配合检查情节严重',
  '已注销／被吊销／被撤销／已迁出',
  '其他',
];

/** 后续处置 (domain.md): the follow-up choice of every checklist. */
export const FOLLOW_UPS: readonly string[] = [
  '无需后续处置',
  '责令限期改正',
  '移交案件查处',
  '通报其他部门',
  '列入经营异常名录',
  '移送司法机关',
];
