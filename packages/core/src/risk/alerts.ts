/**
 * Risk-alert intake (风险预警, issue 16 part 1): what partner systems may send, how a signed
 * request is checked for freshness, how long an alert counts, and the triage states. Pure: the
 * server computes the HMAC and reads the clock, and hands both in.
 *
 * The seeds name two sources: 明厨亮灶 AI cameras in kitchens (no mask or hat, an uncovered bin,
 * rodents) and smart elevators (maintenance, inspection or correction overdue, a rescue, an
 * e-bike in the car).
 */
import { z } from 'zod';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { validateUscc } from '../reference/uscc';
import { err, ok, type Result } from '../result';

/** The kinds of partner system. */
export const ALERT_SOURCE_KINDS = ['kitchen', 'elevator'] as const;
export type AlertSourceKind = (typeof ALERT_SOURCE_KINDS)[number];

export const ALERT_SOURCE_KIND_LABELS: Readonly<Record<AlertSourceKind, { zh: string; en: string }>> = {
  kitchen: { zh: '明厨亮灶', en: 'kitchen cameras (明厨亮灶)' },
  elevator: { zh: '智慧电梯', en: 'smart elevators' },
};

/** Each alert type, the source kind that may send it, and the days it counts after it happened. */
export const ALERT_TYPES = {
  no_mask: { kind: 'kitchen', ttlDays: 30, zh: '未戴口罩', en: 'no mask' },
  no_hat: { kind: 'kitchen', ttlDays: 30, zh: '未戴帽子', en: 'no hat' },
  uncovered_bin: { kind: 'kitchen', ttlDays: 30, zh: '垃圾桶未加盖', en: 'uncovered bin' },
  rodent: { kind: 'kitchen', ttlDays: 90, zh: '发现鼠患', en: 'rodents seen' },
  maintenance_overdue: { kind: 'elevator', ttlDays: 60, zh: '维保超期', en: 'maintenance overdue' },
  inspection_overdue: { kind: 'elevator', ttlDays: 90, zh: '检验超期', en: 'inspection overdue' },
  correction_overdue: { kind: 'elevator', ttlDays: 90, zh: '整改超期', en: 'correction overdue' },
  emergency_rescue: { kind: 'elevator', ttlDays: 60, zh: '困人应急救援', en: 'emergency rescue' },
  ebike_in_car: { kind: 'elevator', ttlDays: 30, zh: '电动自行车入梯', en: 'e-bike in the car' },
} as const satisfies Record<string, { kind: AlertSourceKind; ttlDays: number; zh: string; en: string }>;
export type AlertType = keyof typeof ALERT_TYPES;
export const ALERT_TYPE_CODES = Object.keys(ALERT_TYPES) as [AlertType, ...AlertType[]];

/** Triage: new until someone verifies it, dismisses it (with a reason) or refers it elsewhere. */
export const ALERT_STATUSES = ['new', 'verified', 'dismissed', 'referred'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const TRIAGE_ACTIONS = ['verify', 'dismiss', 'refer'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];
const TRIAGED: Readonly<Record<TriageAction, AlertStatus>> = {
  verify: 'verified',
  dismiss: 'dismissed',
  refer: 'referred',
};

/** How far a request's timestamp may be from the server's clock (replay window), in ms. */
export const ALERT_REPLAY_WINDOW_MS = 5 * 60_000;

/** The text the partner signs: `<unix seconds>.<raw body>` (HMAC-SHA256, hex). */
export function alertSigningText(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** The body of one alert, as documented in the API. */
export const alertPayloadSchema = z.object({
  type: z.enum(ALERT_TYPE_CODES).describe('预警类型 / alert type'),
  occurredAt: z.iso.datetime({ offset: true }).describe('发生时间 / when the camera or sensor saw it'),
  uscc: z
    .string()
    .max(18)
    .optional()
    .describe('经营主体统一社会信用代码 / the business (or the elevator user)'),
  equipmentId: z.string().min(1).max(64).optional().describe('设备注册代码 / equipment registration code'),
  location: z.string().max(200).optional().describe('位置 / where (kitchen, car, floor)'),
  detail: z.string().max(2000).optional().describe('说明 / what was seen'),
});
export type AlertPayload = z.infer<typeof alertPayloadSchema>;

function invalid(issues: FieldIssue[]): DomainError {
  return domainError('VALIDATION', '预警数据无效', 'invalid alert', { issues });
}

function fieldIssue(field: string, value: string, zh: string, en: string): FieldIssue {
  return { field, value, messageZh: zh, messageEn: en };
}

/**
 * Check an alert against its source: the type must be one the source's kind sends, the USCC
 * (when given) must be valid, one of USCC or equipment id must be there, and it cannot have
 * happened in the future (a minute of clock skew is allowed).
 */
export function checkAlert(
  p: AlertPayload,
  kind: AlertSourceKind,
  now: Date,
): Result<AlertPayload & { uscc: string | undefined }, DomainError> {
  const issues: FieldIssue[] = [];
  if (ALERT_TYPES[p.type].kind !== kind) {
    issues.push(
      fieldIssue(
        'type',
        p.type,
        `此来源（${ALERT_SOURCE_KIND_LABELS[kind].zh}）不能发送“${ALERT_TYPES[p.type].zh}”预警`,
        `a ${kind} source cannot send ${p.type} alerts`,
      ),
    );
  }
  let uscc: string | undefined;
  if (p.uscc !== undefined) {
    const u = validateUscc(p.uscc);
    if (u.ok) {
      uscc = u.value;
    } else {
      issues.push(u.error);
    }
  }
  if (p.uscc === undefined && p.equipmentId === undefined) {
    issues.push(
      fieldIssue(
        'uscc',
        '',
        '统一社会信用代码和设备注册代码至少填一项',
        'give the uscc, the equipmentId, or both',
      ),
    );
  }
  if (Date.parse(p.occurredAt) > now.getTime() + 60_000) {
    issues.push(
      fieldIssue('occurredAt', p.occurredAt, '发生时间晚于当前时间', 'occurredAt is in the future'),
    );
  }
  return issues.length > 0 ? err(invalid(issues)) : ok({ ...p, uscc });
}

/** Is the request's timestamp (unix seconds, as text) within the replay window of `now`? */
export function checkAlertTimestamp(timestamp: string | undefined, now: Date): Result<number, DomainError> {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return err(
      domainError(
        'UNAUTHENTICATED',
        '缺少或错误的时间戳 X-SSJ-Timestamp',
        'missing or malformed X-SSJ-Timestamp',
        {
          details: { header: 'x-ssj-timestamp' },
        },
      ),
    );
  }
  const ms = Number(timestamp) * 1000;
  if (Math.abs(now.getTime() - ms) > ALERT_REPLAY_WINDOW_MS) {
    return err(
      domainError(
        'UNAUTHENTICATED',
        '请求时间戳超出 5 分钟有效期（可能是重放）',
        'the request timestamp is more than 5 minutes from the server clock (a replay?)',
        { details: { header: 'x-ssj-timestamp', serverTime: Math.floor(now.getTime() / 1000) } },
      ),
    );
  }
  return ok(ms);
}

/** The idempotency key: 1–128 visible ASCII characters. */
export function checkIdempotencyKey(key: string | undefined): Result<string, DomainError> {
  if (key === undefined || !/^[\x21-\x7e]{1,128}$/.test(key)) {
    return err(
      invalid([
        fieldIssue(
          'Idempotency-Key',
          key ?? '',
          '缺少或错误的 Idempotency-Key 请求头（1–128 个可见 ASCII 字符）',
          'missing or malformed Idempotency-Key header (1–128 visible ASCII characters)',
        ),
      ]),
    );
  }
  return ok(key);
}

/** When an alert stops counting: its type's days after it happened. */
export function alertExpiresAt(type: AlertType, occurredAt: string): Date {
  return new Date(Date.parse(occurredAt) + ALERT_TYPES[type].ttlDays * 86_400_000);
}

/** Does the alert count (for the 风险预警 tag and the score) at `at`? Dismissed ones never do. */
export function alertActive(status: AlertStatus, expiresAt: Date, at: Date): boolean {
  return status !== 'dismissed' && status !== 'referred' && expiresAt.getTime() > at.getTime();
}

/**
 * Triage an alert. Only a new alert is triaged; dismissing or referring needs a reason, and a
 * verification may carry one.
 */
export function triageAlert(
  status: AlertStatus,
  action: TriageAction,
  reason: string | null,
): Result<{ status: AlertStatus; reason: string | null }, DomainError> {
  if (status !== 'new') {
    return err(
      domainError('INVALID_STATE', '该预警已处理', 'the alert has already been triaged', {
        details: { status },
      }),
    );
  }
  const r = reason?.trim() ?? '';
  if (action !== 'verify' && r === '') {
    return err(
      invalid([
        fieldIssue(
          'reason',
          '',
          action === 'dismiss' ? '排除预警须填写原因' : '移送须写明移送去向和原因',
          action === 'dismiss' ? 'a dismissal needs a reason' : 'a referral needs where and why',
        ),
      ]),
    );
  }
  return ok({ status: TRIAGED[action], reason: r === '' ? null : r });
}
