// Risk-alert intake rules (issue 16 part 1): payload checks, replay window, TTL, triage.
import { describe, expect, it } from 'vitest';
import {
  alertActive,
  alertExpiresAt,
  alertPayloadSchema,
  ALERT_TYPES,
  checkAlert,
  checkAlertTimestamp,
  checkIdempotencyKey,
  DEFAULT_RISK_MODEL,
  triageAlert,
  validateRiskModel,
} from '../../src';

const NOW = new Date('2026-12-04T08:00:00Z');
const USCC = '91440300708461136T';

function fields(r: { ok: boolean; error?: { issues?: readonly { field: string }[] } }): string[] {
  return r.ok ? [] : (r.error?.issues?.map((i) => i.field) ?? []);
}

describe('alert payloads', () => {
  it('accepts a kitchen alert with a valid USCC, and trims nothing silently', () => {
    const p = alertPayloadSchema.parse({
      type: 'rodent',
      occurredAt: '2026-12-04T07:59:00+08:00',
      uscc: USCC,
    });
    const r = checkAlert(p, 'kitchen', NOW);
    expect(r.ok && r.value.uscc).toBe(USCC);
  });

  it('names each bad field: a type from the other kind, a bad check digit, a future time', () => {
    const p = alertPayloadSchema.parse({
      type: 'ebike_in_car',
      occurredAt: '2026-12-04T09:00:00Z',
      uscc: '91440300708461136X',
    });
    expect(fields(checkAlert(p, 'kitchen', NOW))).toEqual(['type', 'uscc', 'occurredAt']);
  });

  it('needs a USCC or an equipment id; an elevator alert may carry only the equipment id', () => {
    const none = alertPayloadSchema.parse({ type: 'no_hat', occurredAt: '2026-12-04T07:00:00Z' });
    expect(fields(checkAlert(none, 'kitchen', NOW))).toEqual(['uscc']);
    const lift = alertPayloadSchema.parse({
      type: 'maintenance_overdue',
      occurredAt: '2026-12-04T07:00:00Z',
      equipmentId: '31103101002016070012',
    });
    expect(checkAlert(lift, 'elevator', NOW).ok).toBe(true);
  });

  it('refuses unknown types and malformed times in the schema', () => {
    expect(alertPayloadSchema.safeParse({ type: 'fire', occurredAt: '2026-12-04T07:00:00Z' }).success).toBe(
      false,
    );
    expect(alertPayloadSchema.safeParse({ type: 'rodent', occurredAt: '昨天' }).success).toBe(false);
  });
});

describe('replay window and idempotency keys', () => {
  const secs = (d: Date) => String(Math.floor(d.getTime() / 1000));
  it('takes a timestamp within 5 minutes either way, and refuses one outside or malformed', () => {
    expect(checkAlertTimestamp(secs(new Date(NOW.getTime() - 299_000)), NOW).ok).toBe(true);
    expect(checkAlertTimestamp(secs(new Date(NOW.getTime() + 299_000)), NOW).ok).toBe(true);
    const old = checkAlertTimestamp(secs(new Date(NOW.getTime() - 301_000)), NOW);
    expect(!old.ok && old.error.code).toBe('UNAUTHENTICATED');
    expect(checkAlertTimestamp('1.5e9', NOW).ok).toBe(false);
    expect(checkAlertTimestamp(undefined, NOW).ok).toBe(false);
  });

  it('takes 1–128 visible ASCII characters as an idempotency key', () => {
    expect(checkIdempotencyKey('cam-7/2026-12-04T07:59:00/rodent').ok).toBe(true);
    expect(fields(checkIdempotencyKey(''))).toEqual(['Idempotency-Key']);
    expect(checkIdempotencyKey('有 空格').ok).toBe(false);
    expect(checkIdempotencyKey('x'.repeat(129)).ok).toBe(false);
  });
});

describe('time to live and triage', () => {
  it('expires each type after its own days, and a dismissed or referred alert never counts', () => {
    const at = '2026-12-01T00:00:00Z';
    expect(alertExpiresAt('no_mask', at).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(alertExpiresAt('rodent', at).getTime() - Date.parse(at)).toBe(
      ALERT_TYPES.rodent.ttlDays * 86_400_000,
    );
    const exp = alertExpiresAt('no_mask', at);
    expect(alertActive('new', exp, NOW)).toBe(true);
    expect(alertActive('verified', exp, new Date('2026-12-31T00:00:00Z'))).toBe(false);
    expect(alertActive('dismissed', exp, NOW)).toBe(false);
    expect(alertActive('referred', exp, NOW)).toBe(false);
  });

  it('triages a new alert once; dismissing and referring need a reason', () => {
    expect(triageAlert('new', 'verify', null)).toEqual({
      ok: true,
      value: { status: 'verified', reason: null },
    });
    expect(fields(triageAlert('new', 'dismiss', '  '))).toEqual(['reason']);
    expect(triageAlert('new', 'refer', '移送区城管局').ok).toBe(true);
    const again = triageAlert('verified', 'dismiss', '误报');
    expect(!again.ok && again.error.code).toBe('INVALID_STATE');
  });
});

describe('the risk model with alerts', () => {
  it('reads a model saved before alerts existed, with the alert weight and cap by default', () => {
    const { riskAlerts: _w, ...weights } = DEFAULT_RISK_MODEL.weights;
    const { riskAlerts: _c, ...caps } = DEFAULT_RISK_MODEL.caps;
    const r = validateRiskModel({ ...DEFAULT_RISK_MODEL, weights, caps });
    expect(r.ok && [r.value.weights.riskAlerts, r.value.caps.riskAlerts]).toEqual([5, 3]);
  });
});
