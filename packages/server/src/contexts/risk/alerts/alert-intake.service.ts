/**
 * Alert intake for partner systems (issue 16 part 1). A request names its source
 * (X-SSJ-Source), carries a unix timestamp (X-SSJ-Timestamp, within 5 minutes of the server's
 * clock) and an HMAC-SHA256 over `<timestamp>.<raw body>` with the source's key
 * (X-SSJ-Signature, hex), and an Idempotency-Key: the same key from the same source is stored
 * once, and a repeat answers with the stored alert. The alert is matched to a target by USCC and
 * counts for the 风险预警 tag and the risk score until its type's time to live runs out.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  alertExpiresAt,
  alertPayloadSchema,
  alertSigningText,
  checkAlert,
  checkAlertTimestamp,
  checkIdempotencyKey,
  domainError,
  err,
  ok,
  type AlertPayload,
  type AlertSourceKind,
  type DomainError,
  type FieldIssue,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { auditAll, type ServiceDeps } from '../../platform';
import {
  findAlertsByKeys,
  findSource,
  insertAlerts,
  targetsByUscc,
  type AlertRow,
  type AlertSourceRow,
} from './alert.repo';

/** What the partner gets back. */
export const intakeReplySchema = z.object({
  id: z.uuid(),
  /** true when this idempotency key was already stored: nothing new was written. */
  duplicate: z.boolean(),
  status: z.string(),
  targetId: z.string().nullable(),
  expiresAt: z.string(),
});
export type IntakeReply = z.infer<typeof intakeReplySchema>;

/** The headers and raw body of one intake request. */
export interface IntakeRequest {
  readonly sourceId: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly rawBody: string;
}

const unauthenticated = (zh: string, en: string, header: string): DomainError =>
  domainError('UNAUTHENTICATED', zh, en, { details: { header } });

/** The hex HMAC-SHA256 a partner sends for this timestamp and body. */
export function signAlert(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(alertSigningText(timestamp, rawBody), 'utf8').digest('hex');
}

function signatureMatches(secret: string, timestamp: string, rawBody: string, given: string): boolean {
  const hex = given.startsWith('sha256=') ? given.slice(7) : given;
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    return false;
  }
  const want = Buffer.from(signAlert(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(want, Buffer.from(hex, 'hex'));
}

function replyOf(a: AlertRow, duplicate: boolean): IntakeReply {
  return {
    id: a.id,
    duplicate,
    status: a.status,
    targetId: a.targetId,
    expiresAt: a.expiresAt.toISOString(),
  };
}

/** Parse the raw body as an alert, naming each bad field. */
function parseBody(raw: string): Result<z.infer<typeof alertPayloadSchema>, DomainError> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return err(domainError('VALIDATION', '请求体不是有效的 JSON', 'the body is not valid JSON'));
  }
  const p = alertPayloadSchema.safeParse(json);
  if (p.success) {
    return ok(p.data);
  }
  const issues: FieldIssue[] = p.error.issues.map((i) => ({
    field: i.path.join('.') || 'body',
    messageZh: `字段 ${i.path.join('.') || '(请求体)'} 无效：${i.message}`,
    messageEn: `${i.path.join('.') || 'body'}: ${i.message}`,
  }));
  return err(domainError('VALIDATION', '预警数据无效', 'invalid alert', { issues }));
}

type CheckedAlert = AlertPayload & { uscc: string | undefined };

/** One accepted request waiting for its batch. */
interface Pending {
  readonly source: AlertSourceRow;
  readonly key: string;
  readonly alert: CheckedAlert;
  readonly receivedAt: Date;
  readonly requestId: string;
  readonly done: (r: Result<IntakeReply, DomainError>) => void;
  readonly fail: (e: unknown) => void;
}

/** The most alerts written in one transaction. */
const BATCH_MAX = 500;

function sameAlert(stored: AlertRow, a: CheckedAlert): boolean {
  return (
    stored.alertType === a.type &&
    stored.occurredAt.getTime() === Date.parse(a.occurredAt) &&
    stored.uscc === (a.uscc ?? null) &&
    stored.equipmentId === (a.equipmentId ?? null)
  );
}

const keyOf = (sourceId: string, key: string): string => `${sourceId}\u0000${key}`;

/**
 * Write a batch in one transaction: match the targets, store the new alerts (a key already
 * stored, or twice in the batch, stores nothing), audit each stored alert, and answer each
 * request: its alert, the stored one for a repeat, or a 409 for a key reused for another alert.
 */
async function writeBatch(db: Db, batch: readonly Pending[]): Promise<Result<IntakeReply, DomainError>[]> {
  return db.transaction(async (tx) => {
    const targets = await targetsByUscc(
      tx,
      batch.flatMap((p) => (p.alert.uscc === undefined ? [] : [p.alert.uscc])),
    );
    const stored = await insertAlerts(
      tx,
      batch.map((p) => ({
        sourceId: p.source.id,
        idempotencyKey: p.key,
        alertType: p.alert.type,
        occurredAt: new Date(p.alert.occurredAt),
        receivedAt: p.receivedAt,
        uscc: p.alert.uscc ?? null,
        equipmentId: p.alert.equipmentId ?? null,
        targetId: (p.alert.uscc === undefined ? undefined : targets.get(p.alert.uscc)) ?? null,
        location: p.alert.location ?? null,
        detail: p.alert.detail ?? null,
        expiresAt: alertExpiresAt(p.alert.type, p.alert.occurredAt),
      })),
    );
    const fresh = new Map(stored.map((r) => [keyOf(r.sourceId, r.idempotencyKey), r]));
    const answered = new Set<string>();
    const repeats = new Set(
      batch.filter((p) => {
        const k = keyOf(p.source.id, p.key);
        const first = fresh.has(k) && !answered.has(k);
        answered.add(k);
        return !first;
      }),
    );
    const earlier = new Map(
      (
        await findAlertsByKeys(
          tx,
          [...repeats].map((p) => ({ sourceId: p.source.id, key: p.key })),
        )
      ).map((r) => [keyOf(r.sourceId, r.idempotencyKey), r]),
    );
    await auditAll(
      tx,
      batch.flatMap((p) => {
        const row = fresh.get(keyOf(p.source.id, p.key));
        return row === undefined || repeats.has(p)
          ? []
          : [
              {
                ctx: { actor: null, requestId: p.requestId },
                at: p.receivedAt,
                change: {
                  action: 'risk_alert.received',
                  entityType: 'risk_alert',
                  entityId: row.id,
                  departmentCode: p.source.departmentCode,
                  after: {
                    source: p.source.id,
                    type: p.alert.type,
                    uscc: p.alert.uscc ?? null,
                    equipmentId: p.alert.equipmentId ?? null,
                    targetId: row.targetId,
                  },
                },
              },
            ];
      }),
    );
    return batch.map((p): Result<IntakeReply, DomainError> => {
      const k = keyOf(p.source.id, p.key);
      if (!repeats.has(p)) {
        const row = fresh.get(k);
        if (row === undefined) {
          throw new Error('bug: a first alert of its key was not stored');
        }
        return ok(replyOf(row, false));
      }
      const before = earlier.get(k);
      if (before === undefined) {
        throw new Error('bug: an idempotency conflict without the stored alert');
      }
      return sameAlert(before, p.alert)
        ? ok(replyOf(before, true))
        : err(
            domainError(
              'CONFLICT',
              '该 Idempotency-Key 已用于另一条预警',
              'this Idempotency-Key was already used for a different alert',
              { details: { id: before.id } },
            ),
          );
    });
  });
}

/**
 * Group commit: requests that arrive while a batch is being written wait for the next one, so
 * one transaction (one audit lock, one commit) serves many partners at a high rate, and a
 * request is answered only once its alert is committed.
 */
class AlertWriter {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  write(p: Omit<Pending, 'done' | 'fail'>): Promise<Result<IntakeReply, DomainError>> {
    return new Promise((done, fail) => {
      this.queue.push({ ...p, done, fail });
      if (!this.running) {
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, BATCH_MAX);
      try {
        const replies = await writeBatch(this.db, batch);
        batch.forEach((p, i) => {
          const r = replies[i];
          if (r === undefined) {
            p.fail(new Error('bug: a batch reply is missing'));
          } else {
            p.done(r);
          }
        });
      } catch (e) {
        batch.forEach((p) => p.fail(e));
      }
    }
    this.running = false;
  }
}

const writers = new WeakMap<object, AlertWriter>();

function writerOf(deps: ServiceDeps): AlertWriter {
  let w = writers.get(deps.database);
  if (w === undefined) {
    w = new AlertWriter(deps.database.db);
    writers.set(deps.database, w);
  }
  return w;
}

/**
 * Take one alert: check the source, the timestamp and the signature (401 for any of these),
 * the idempotency key and the body (400 naming the field), then store it once, with the other
 * requests of its batch. A repeat of a stored key answers with the stored alert; the same key
 * with a different alert is a 409.
 */
export async function receiveAlert(
  deps: ServiceDeps,
  req: IntakeRequest,
  requestId: string,
): Promise<Result<IntakeReply, DomainError>> {
  const now = deps.clock();
  const source = req.sourceId === undefined ? undefined : await findSource(deps.database.db, req.sourceId);
  if (source === undefined || !source.active) {
    return err(
      unauthenticated(
        '未知或已停用的预警来源 X-SSJ-Source',
        'unknown or disabled alert source',
        'x-ssj-source',
      ),
    );
  }
  const ts = checkAlertTimestamp(req.timestamp, now);
  if (!ts.ok) {
    return ts;
  }
  if (
    req.signature === undefined ||
    !signatureMatches(source.secret, req.timestamp ?? '', req.rawBody, req.signature)
  ) {
    return err(
      unauthenticated(
        '签名 X-SSJ-Signature 校验失败',
        'X-SSJ-Signature does not match the body and timestamp',
        'x-ssj-signature',
      ),
    );
  }
  const key = checkIdempotencyKey(req.idempotencyKey);
  if (!key.ok) {
    return key;
  }
  const body = parseBody(req.rawBody);
  if (!body.ok) {
    return body;
  }
  const alert = checkAlert(body.value, source.kind as AlertSourceKind, now);
  if (!alert.ok) {
    return alert;
  }
  return writerOf(deps).write({ source, key: key.value, alert: alert.value, receivedAt: now, requestId });
}
