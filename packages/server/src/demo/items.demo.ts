/**
 * Demo inspection items (抽查事项) and their guidelines (抽查工作指引), built from the
 * catalog for every department: each district's 市场监管局 keeps the full market list.
 */
import { FOLLOW_UPS, ITEM_CATALOG, RESULT_CATEGORIES, type CatalogItem } from './item-catalog.demo';
import type {
  ChecklistField,
  DemoDepartment,
  DemoGuideline,
  DemoInspectionItem,
  InspectionMethod,
} from './demo.types';

/** 004 and county practice: general items are capped at 10 % unless the list says less. */
export const DEFAULT_RATIO_CAP = 0.1;

const HOW: Readonly<Record<InspectionMethod, string>> = {
  document: '书面检查：调取并审查对象报送、公示的材料，必要时要求其说明情况并提供证明材料。',
  onsite: '实地核查：进入经营场所查看现场，查阅证照、台账和记录，拍照留证，请对象签字确认。',
  online: '网络监测：通过网络交易监测平台检索对象的网店、网页，截图并固定电子证据。',
};

const CHOICE_OPTIONS = ['良好', '一般', '较差'];

function fields(item: CatalogItem): ChecklistField[] {
  const specific = item.checks.map(([label, kind, extra], i): ChecklistField => {
    const base = {
      key: `c${i + 1}`,
      label,
      kind,
      required: kind !== 'photo' && kind !== 'text',
      photoRequired: extra === 'photo',
    };
    if (kind === 'number' && extra !== undefined) {
      return { ...base, unit: extra };
    }
    if (kind === 'choice') {
      return { ...base, options: CHOICE_OPTIONS };
    }
    return base;
  });
  return [
    ...specific,
    ...(item.method === 'onsite'
      ? [{ key: 'scene', label: '现场照片', kind: 'photo', required: true, photoRequired: true } as const]
      : []),
    {
      key: 'result',
      label: '检查结果',
      kind: 'choice',
      required: true,
      photoRequired: false,
      options: RESULT_CATEGORIES,
    },
    {
      key: 'followUp',
      label: '后续处置',
      kind: 'choice',
      required: true,
      photoRequired: false,
      options: FOLLOW_UPS,
    },
    {
      key: 'remarks',
      label: '备注（选择“其他”时必填）',
      kind: 'text',
      required: false,
      photoRequired: false,
    },
  ];
}

function guideline(item: CatalogItem, legalBasis: string): DemoGuideline {
  return {
    whatToCheck: item.checks.map(([label]) => label).join('；'),
    how: HOW[item.method],
    legalBasis,
    form: fields(item),
  };
}

/** Every department's items, coded `<department>-SX001`, in catalog order. */
export function demoItems(departments: readonly DemoDepartment[]): DemoInspectionItem[] {
  const items: DemoInspectionItem[] = [];
  for (const dep of departments) {
    (ITEM_CATALOG[dep.kind] ?? []).forEach((c, i) => {
      const text = `依据${c.articles.join('、')}的规定，对${c.targetTypes.join('、')}开展${c.name.replace(/的检查$|检查$/, '')}检查。`;
      items.push({
        code: `${dep.code}-SX${String(i + 1).padStart(3, '0')}`,
        departmentCode: dep.code,
        name: c.name,
        priority: c.priority,
        // key items have no cap (004); general items take the list's cap or the default
        ratioCap: c.priority === 'key' ? null : (c.cap ?? DEFAULT_RATIO_CAP),
        method: c.method,
        legalBasis: { text, articles: c.articles },
        targetTypes: c.targetTypes,
        industries: c.industries ?? [],
        guideline: guideline(c, text),
      });
    });
  }
  return items;
}
