/**
 * The shapes of objections and credit repair (issue 16 part 2) on the wire, the region terms
 * (a region setting), and the attachment checks shared by the portal and the console.
 */
import { createHash } from 'node:crypto';
import {
  APPEAL_KIND_LABELS,
  APPEAL_STATUS_LABELS,
  appealContactSchema,
  appealKindSchema,
  appealStatusSchema,
  appealTermsSchema,
  appealTextSchema,
  DEFAULT_APPEAL_TERMS,
  domainError,
  err,
  ok,
  resultCategorySchema,
  type AppealKind,
  type AppealStatus,
  type DomainError,
  type FieldIssue,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { regionSetting } from '../risk';
import type { AppealRow, NewAttachmentRow } from './appeal.repo';

export const APPEAL_TERMS_SETTING = 'appealTerms';

/** The appeal terms of a region: nearest up the chain, else 15 and 10 working days. */
export const appealTerms = regionSetting({
  key: APPEAL_TERMS_SETTING,
  schema: appealTermsSchema,
  fallback: DEFAULT_APPEAL_TERMS,
  validate: (input) => {
    const parsed = appealTermsSchema.safeParse(input);
    if (parsed.success) {
      return ok(parsed.data);
    }
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'config',
      messageZh: '应为 1 至 60 之间的整数（工作日）',
      messageEn: i.message,
    }));
    return err(domainError('VALIDATION', '期限设置无效', 'bad appeal terms', { issues }));
  },
  action: 'appeal.terms',
});

/** A USCC (18 characters of GB 32100) and the code on the inspection notice. */
export const noticeKeySchema = z.object({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位字母或数字 / 18 letters or digits'),
  noticeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-F]{10}$/, '通知书上的 10 位核验码 / the 10-character code on the notice'),
});

/** Largest attachment, in base64 characters (about 3 MB). */
const ATTACHMENT_MAX_CHARS = 4 * 1024 * 1024;
type Mime = 'image/jpeg' | 'image/png' | 'application/pdf';

export const attachmentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(120),
  dataUrl: z
    .string()
    .max(ATTACHMENT_MAX_CHARS)
    .regex(
      /^data:(image\/jpeg|image\/png|application\/pdf);base64,[A-Za-z0-9+/=]+$/,
      'a JPEG, PNG or PDF data URL',
    ),
});

export const appealFilingSchema = noticeKeySchema.extend({
  kind: appealKindSchema,
  text: appealTextSchema,
  contact: appealContactSchema,
  attachments: z.array(attachmentInputSchema).max(3).default([]),
});
export type AppealFiling = z.infer<typeof appealFilingSchema>;

const MAGIC: Readonly<Record<Mime, readonly number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};

/** Decode and check attachments: the bytes must be what the data URL says they are. */
export function readAttachments(
  files: AppealFiling['attachments'],
): Result<Omit<NewAttachmentRow, 'appealId'>[], DomainError> {
  const out: Omit<NewAttachmentRow, 'appealId'>[] = [];
  for (const [n, f] of files.entries()) {
    const comma = f.dataUrl.indexOf(',');
    const mime = f.dataUrl.slice(5, f.dataUrl.indexOf(';')) as Mime;
    const data = f.dataUrl.slice(comma + 1);
    const raw = Buffer.from(data, 'base64');
    const magic = MAGIC[mime];
    if (raw.length === 0 || !magic.every((b, i) => raw[i] === b)) {
      const issue: FieldIssue = {
        field: `attachments[${n}].dataUrl`,
        value: f.fileName,
        messageZh: `文件内容不是所声明的格式（${mime}）`,
        messageEn: `the file is not a ${mime}`,
      };
      return err(
        domainError('VALIDATION', `附件无效：${f.fileName}`, `bad attachment: ${f.fileName}`, {
          issues: [issue],
        }),
      );
    }
    out.push({
      fileName: f.fileName,
      mime,
      bytes: raw.length,
      sha256: createHash('sha256').update(raw).digest('hex'),
      data,
    });
  }
  return ok(out);
}

/** One appeal as the business sees it on the portal. */
export const appealSummarySchema = z.object({
  id: z.uuid(),
  kind: appealKindSchema,
  kindLabel: z.string(),
  status: appealStatusSchema,
  statusLabel: z.string(),
  filedAt: z.string(),
  dueOn: z.string(),
  decidedAt: z.string().nullable(),
  /** The decision's reason, once decided. */
  reason: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
});
export type AppealSummary = z.infer<typeof appealSummarySchema>;

/** A decided item's before and after, as stored with an objection decided `corrected`. */
export const storedCorrectionSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  before: z.string(),
  after: resultCategorySchema,
  note: z.string().nullable(),
});

/** An appeal row as its summary. */
export function summaryOf(a: AppealRow): AppealSummary {
  const kind = a.kind as AppealKind;
  const status = a.status as AppealStatus;
  return {
    id: a.id,
    kind,
    kindLabel: APPEAL_KIND_LABELS[kind].zh,
    status,
    statusLabel: APPEAL_STATUS_LABELS[status].zh,
    filedAt: a.filedAt.toISOString(),
    dueOn: a.dueOn,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    reason: a.reason,
    effectiveFrom: a.effectiveFrom,
  };
}
