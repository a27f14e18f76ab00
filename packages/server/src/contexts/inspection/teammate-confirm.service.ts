/**
 * A teammate confirms a visit on the recording inspector's phone (issue 11): with their own
 * username and password (checked with the login's lockout rules, no session opened, the phone's
 * session untouched), or with a one-time 6-digit code that a leader or admin of the task issued to
 * them (hashed, 30 minutes, 5 tries). Every step is audited with both people named.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { domainError, type DomainError, err, isUnderWay, ok, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  hasAnyRole,
  type Actor,
  type AuditContext,
  audit,
  authenticate,
  type ServiceDeps,
} from '../platform';
import { inspectorsByIds, inspectorsOfUser, type InspectorRow } from './inspection.repo';
import { insertCode, lockLiveCode, markCodeTried } from './confirmation-code.repo';
import { inTransaction } from '../../db/tx';
import { accessInspection, notOnTeam } from './inspection-access';
import { simpleChange } from './inspection.service';
import { parseConfirmations, type VisitView } from './inspection-view';

const CODE_MINUTES = 30;
const CODE_TRIES = 5;

export const teammateConfirmSchema = z.discriminatedUnion('method', [
  z.object({
    version: z.int().min(1),
    method: z.literal('password'),
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  }),
  z.object({
    version: z.int().min(1),
    method: z.literal('code'),
    inspectorId: z.string().trim().min(1).max(60),
    code: z.string().regex(/^\d{6}$/, '6 位数字 / 6 digits'),
  }),
]);
export type TeammateConfirm = z.infer<typeof teammateConfirmSchema>;

type Ctx = AuditContext & { actor: Actor };

function codeHash(inspectionId: string, inspectorId: string, code: string): string {
  return createHash('sha256').update(`${inspectionId}|${inspectorId}|${code}`).digest('hex');
}

const notTeammate = (): DomainError =>
  domainError(
    'FORBIDDEN',
    '该人员不在本次检查的执法人员名单中',
    'that person is not an inspector on this visit',
  );

/** Check the one-time code in a transaction of its own, so a wrong try is counted even though the confirmation fails. */
async function checkCode(
  deps: ServiceDeps,
  inspectionId: string,
  inspectorId: string,
  code: string,
): Promise<Result<true, DomainError>> {
  const now = deps.clock();
  const checked = await inTransaction<'none' | 'good' | 'wrong', DomainError>(
    deps.database.db,
    async (tx) => {
      const row = await lockLiveCode(tx, inspectionId, inspectorId, now);
      if (row === undefined || row.attempts >= CODE_TRIES) {
        return ok('none');
      }
      const good = timingSafeEqual(
        Buffer.from(row.codeHash, 'hex'),
        Buffer.from(codeHash(inspectionId, inspectorId, code), 'hex'),
      );
      await markCodeTried(tx, row.id, good ? { usedAt: now } : { attempts: row.attempts + 1 });
      return ok(good ? 'good' : 'wrong');
    },
  );
  if (!checked.ok) {
    return checked;
  }
  switch (checked.value) {
    case 'good':
      return ok(true);
    case 'none':
      return err(
        domainError(
          'VALIDATION',
          '没有有效的确认码（已使用、已过期或错误次数过多），请领导或管理员重新发放',
          'no valid code (used, expired or too many wrong tries): ask a leader or admin for a new one',
          { issues: [{ field: 'code', messageZh: '确认码无效', messageEn: 'invalid code' }] },
        ),
      );
    case 'wrong':
      return err(
        domainError('VALIDATION', '确认码错误', 'wrong code', {
          issues: [{ field: 'code', messageZh: '确认码错误', messageEn: 'wrong code' }],
        }),
      );
  }
}

/** A teammate confirms on the actor's phone; the actor must be on the team, the teammate too. */
export async function confirmOnDevice(
  deps: ServiceDeps,
  ctx: Ctx & { ip: string | null },
  id: string,
  body: TeammateConfirm,
): Promise<Result<VisitView, DomainError>> {
  const db = deps.database.db;
  const a = await accessInspection(db, ctx.actor, id);
  if (!a.ok) {
    return a;
  }
  if (!a.value.onTeam) {
    return err(notOnTeam());
  }
  const team = a.value.inspection.inspectors;
  let who: { userId: string; username: string | null; people: InspectorRow[] };
  if (body.method === 'password') {
    const user = await authenticate(deps, {
      username: body.username,
      password: body.password,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    if (!user.ok) {
      return user;
    }
    if (user.value.user.id === ctx.actor.userId) {
      return err(
        domainError(
          'VALIDATION',
          '这是本机已登录的账号，请直接点「本人确认检查记录」',
          'that is the account signed in on this phone: use "confirm" instead',
        ),
      );
    }
    const people = (await inspectorsOfUser(db, user.value.user.id)).filter(
      (i) => team.includes(i.id) && !i.expert,
    );
    who = { userId: user.value.user.id, username: user.value.user.username, people };
  } else {
    const [person] = (await inspectorsByIds(db, [body.inspectorId])).filter((i) => team.includes(i.id));
    if (person === undefined) {
      return err(notTeammate());
    }
    const c = await checkCode(deps, id, person.id, body.code);
    if (!c.ok) {
      return c;
    }
    who = { userId: '', username: null, people: [person] };
  }
  if (who.people.length === 0) {
    return err(notTeammate());
  }
  const at = deps.clock().toISOString();
  return simpleChange(deps, ctx, id, body.version, (acc) => {
    const mine = who.people.map((m) => ({
      inspectorId: m.id,
      userId: who.userId,
      name: m.name,
      at,
      via: body.method,
      device: ctx.actor.username,
    }));
    const rest = parseConfirmations(acc.inspection.confirmations).filter(
      (c) => !mine.some((m) => m.inspectorId === c.inspectorId),
    );
    return ok({
      set: { confirmations: [...rest, ...mine] },
      action: 'inspection.confirmed_on_device',
      after: {
        inspectors: mine.map((m) => m.inspectorId),
        method: body.method,
        teammate: who.username,
        device: ctx.actor.username,
      },
    });
  });
}

/** Issue a one-time code (6 digits, 30 minutes) to a law-enforcement inspector of the visit; leaders and admins of the task. */
export async function issueConfirmationCode(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  inspectorId: string,
): Promise<Result<{ inspectorId: string; name: string; code: string; expiresAt: string }, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const a = await accessInspection(tx, ctx.actor, id);
    if (!a.ok) {
      return a;
    }
    const staff =
      a.value.handling.includes(ctx.actor.departmentCode) && hasAnyRole(ctx.actor, ['leader', 'dept_admin']);
    if (!staff) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有本任务部门的领导或管理员可以发放确认码',
          'only a leader or admin of the task department issues codes',
        ),
      );
    }
    if (!isUnderWay(a.value.inspection.status)) {
      return err(domainError('INVALID_STATE', '检查已提交，无需确认码', 'the visit is already submitted'));
    }
    const [person] = (await inspectorsByIds(tx, [inspectorId])).filter(
      (i) => a.value.inspection.inspectors.includes(i.id) && !i.expert,
    );
    if (person === undefined) {
      return err(notTeammate());
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
    await insertCode(tx, {
      inspectionId: id,
      inspectorId: person.id,
      codeHash: codeHash(id, person.id, code),
      issuedBy: ctx.actor.username,
      issuedAt: now,
      expiresAt,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'inspection.confirmation_code_issued',
        entityType: 'inspection',
        entityId: id,
        // the code itself never enters the audit trail
        after: { inspector: person.id, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
    return ok({ inspectorId: person.id, name: person.name, code, expiresAt: expiresAt.toISOString() });
  });
}
