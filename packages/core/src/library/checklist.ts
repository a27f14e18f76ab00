/**
 * Guidelines (抽查工作指引) and their checklist form: what to check, how, on what basis, and
 * the fields the inspection page renders (yes/no, number, text, photo, choice). The result
 * categories (检查结果) and follow-ups (后续处置) of docs/domain.md are choice presets.
 */
import { z } from 'zod';

/** 检查结果: the result categories of docs/domain.md, in order; 其他 needs text. */
export const RESULT_CATEGORIES = [
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
] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

/** 后续处置: the follow-ups of docs/domain.md. */
export const FOLLOW_UPS = [
  '无需后续处置',
  '责令限期改正',
  '移交案件查处',
  '通报其他部门',
  '列入经营异常名录',
  '移送司法机关',
] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const CHECKLIST_FIELD_KINDS = ['yesNo', 'number', 'text', 'photo', 'choice'] as const;
export type ChecklistFieldKind = (typeof CHECKLIST_FIELD_KINDS)[number];

export const CHECKLIST_FIELD_KIND_LABELS: Readonly<Record<ChecklistFieldKind, { zh: string; en: string }>> = {
  yesNo: { zh: '是/否', en: 'Yes / no' },
  number: { zh: '数值', en: 'Number' },
  text: { zh: '文本', en: 'Text' },
  photo: { zh: '照片', en: 'Photo' },
  choice: { zh: '单选', en: 'Choice' },
};

/** Choice presets: a field whose options are exactly one of the domain lists. */
export const CHOICE_PRESETS = { resultCategories: RESULT_CATEGORIES, followUps: FOLLOW_UPS } as const;
export type ChoicePreset = keyof typeof CHOICE_PRESETS;

export const CHECKLIST_LIMITS = {
  fields: 100,
  label: 100,
  hint: 500,
  option: 60,
  options: 40,
  key: 32,
} as const;

const base = {
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'a letter, then letters, digits or _ (≤ 32)'),
  label: z.string().trim().min(1).max(CHECKLIST_LIMITS.label),
  required: z.boolean(),
  /** The answer must carry a photo (for photo fields: at least one photo). */
  photoRequired: z.boolean(),
  hint: z.string().max(CHECKLIST_LIMITS.hint).optional(),
};

export const yesNoFieldSchema = z.object({ ...base, kind: z.literal('yesNo') });
export const numberFieldSchema = z.object({
  ...base,
  kind: z.literal('number'),
  unit: z.string().max(10).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export const textFieldSchema = z.object({
  ...base,
  kind: z.literal('text'),
  maxLength: z.int().min(1).max(4000).optional(),
});
export const photoFieldSchema = z.object({
  ...base,
  kind: z.literal('photo'),
  maxPhotos: z.int().min(1).max(20).optional(),
});
export const choiceFieldSchema = z.object({
  ...base,
  kind: z.literal('choice'),
  options: z
    .array(z.string().trim().min(1).max(CHECKLIST_LIMITS.option))
    .min(2)
    .max(CHECKLIST_LIMITS.options),
  preset: z.enum(['resultCategories', 'followUps']).optional(),
});

/** One field of a checklist form. */
export const checklistFieldSchema = z.discriminatedUnion('kind', [
  yesNoFieldSchema,
  numberFieldSchema,
  textFieldSchema,
  photoFieldSchema,
  choiceFieldSchema,
]);
export type ChecklistField = z.infer<typeof checklistFieldSchema>;

/** A checklist form: 1–100 fields with unique keys; choices without duplicates; presets intact. */
export const checklistFormSchema = z
  .array(checklistFieldSchema)
  .min(1)
  .max(CHECKLIST_LIMITS.fields)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `duplicate field key ${f.key} / 字段标识重复`,
        });
      }
      seen.add(f.key);
      if (f.kind === 'choice') {
        if (new Set(f.options).size !== f.options.length) {
          ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'duplicate options / 选项重复' });
        }
        if (f.preset !== undefined && f.options.join('\n') !== CHOICE_PRESETS[f.preset].join('\n')) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'options'],
            message: `options must be the ${f.preset} list / 选项须与预设列表一致`,
          });
        }
      }
      if (f.kind === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) {
        ctx.addIssue({ code: 'custom', path: [i, 'min'], message: 'min above max / 最小值大于最大值' });
      }
    });
  });
export type ChecklistForm = z.infer<typeof checklistFormSchema>;

export const GUIDELINE_TEXT_MAX = 4000;

/** 抽查工作指引: what to check, how, the legal basis, and the checklist form. */
export const guidelineSchema = z.object({
  whatToCheck: z.string().max(GUIDELINE_TEXT_MAX),
  how: z.string().max(GUIDELINE_TEXT_MAX),
  legalBasis: z.string().max(GUIDELINE_TEXT_MAX),
  form: checklistFormSchema,
});
export type Guideline = z.infer<typeof guidelineSchema>;

/** The 检查结果 field: a required choice of the result categories. */
export function resultCategoryField(key = 'result'): ChecklistField {
  return {
    key,
    label: '检查结果',
    kind: 'choice',
    required: true,
    photoRequired: false,
    options: [...RESULT_CATEGORIES],
    preset: 'resultCategories',
  };
}

/** The 后续处置 field: a required choice of the follow-ups. */
export function followUpField(key = 'followUp'): ChecklistField {
  return {
    key,
    label: '后续处置',
    kind: 'choice',
    required: true,
    photoRequired: false,
    options: [...FOLLOW_UPS],
    preset: 'followUps',
  };
}

/** The form every new item starts with: result, follow-up, and remarks (required text for 其他). */
export function defaultChecklistForm(): ChecklistField[] {
  return [
    resultCategoryField(),
    followUpField(),
    {
      key: 'remarks',
      label: '备注（选择“其他”时必填）',
      kind: 'text',
      required: false,
      photoRequired: false,
    },
  ];
}

/** A fresh field of a kind with a key not yet in `taken` (for form editors). */
export function newChecklistField(kind: ChecklistFieldKind, taken: readonly string[]): ChecklistField {
  let n = taken.length + 1;
  while (taken.includes(`f${n}`)) {
    n += 1;
  }
  const b = {
    key: `f${n}`,
    label: CHECKLIST_FIELD_KIND_LABELS[kind].zh,
    required: true,
    photoRequired: kind === 'photo',
  };
  switch (kind) {
    case 'choice':
      return { ...b, kind, options: ['符合', '不符合'] };
    case 'yesNo':
    case 'number':
    case 'text':
    case 'photo':
      return { ...b, kind };
  }
}
