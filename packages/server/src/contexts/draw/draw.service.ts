/**
 * Commit and draw (spec §1 steps 2–5): the commitment fixes frames, pool and seed plan and is
 * published at once; the seed comes afterwards in the committed way; the draw streams each frame
 * out of the database through the draw engine's scanner and builds the record with core's pure
 * runScannedDraw; its record, the draw row and the inspections are written in ONE transaction,
 * so a crash leaves the draw committed-but-not-drawn or drawn, never in between.
 */
import { randomBytes } from 'node:crypto';
import {
  checkBeaconSeedPlan,
  commitScanned,
  commitmentObjectSchema,
  domainError,
  err,
  canonicalJson,
  hashHex,
  LOG_SPEC,
  normaliseBeaconSeed,
  normaliseDiceSeed,
  ok,
  seedSourceSchema,
  type DomainError,
  type DrawOverride,
  type Result,
  chinaDate,
  chinaYear,
} from '@openssj/core';
import { z } from 'zod';
import {
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type AuditContext,
  appendAuditCheckpoint,
  appendLogEntry,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { findDraw, insertInspections, updateDraw, type DrawRow } from './draw.repo';
import { scannedInputOf } from './draw-scanned-input';
import { trackDraw, type ProgressTracker } from './draw-progress';
import {
  findTask,
  updateTask,
  drawSummary,
  frozenStratumSchema,
  witnessSchema,
  type DrawSummary,
} from '../workflow';
import { inTransaction } from '../../db/tx';
import { runDrawOffThread } from './engine/run-draw-off-thread';
import { plannedDates } from './engine/planned-dates';

export const commitInputSchema = z.discriminatedUnion('seedSource', [
  z.object({ seedSource: z.literal('dice'), seedPlan: z.string().trim().min(4).max(200).optional() }),
  z.object({ seedSource: z.literal('beacon'), seedPlan: z.string().trim().min(4).max(200) }),
  z.object({ seedSource: z.literal('system') }),
]);
export const runInputSchema = z.object({
  /** Dice digits as read aloud, or the beacon round's value; none for `system`. */
  seed: z.string().max(500).optional(),
  witnesses: z.array(witnessSchema).max(20).default([]),
});

const DICE_PLAN =
  '现场公开掷骰，读取至少 20 位数字 / public dice, at least 20 digits read aloud at the ceremony';

type Ctx = AuditContext & { actor: Actor };

/** The lead department's draw, locked, for a write. */
export async function writableDraw(
  tx: Db,
  actor: Actor,
  id: string,
): Promise<Result<{ draw: DrawRow; lead: string; participants: string[] }, DomainError>> {
  const d = await findDraw(tx, id, true);
  if (d === undefined) {
    return err(domainError('NOT_FOUND', `没有这次摇号：${id}`, `no such draw: ${id}`));
  }
  const t = await findTask(tx, d.taskId);
  const lead = t?.task.leadDepartmentCode ?? '';
  const participants = t?.participants.map((p) => p.departmentCode) ?? [];
  return canWriteDepartment(actor, lead)
    ? ok({ draw: d, lead, participants })
    : err(forbiddenDepartment(lead));
}

function wrongState(d: DrawRow, wantedZh: string, wantedEn: string): DomainError {
  return domainError(
    'INVALID_STATE',
    `摇号 ${d.id} 当前状态为 ${d.status}，${wantedZh}`,
    `draw ${d.id} is ${d.status}: ${wantedEn}`,
    { details: { status: d.status } },
  );
}

/** Commit a frozen draw (spec §6): seed source and plan fixed, commitment audited and public. */
export async function commitFrozenDraw(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof commitInputSchema>,
): Promise<Result<DrawSummary, DomainError>> {
  const now = deps.clock();
  let progress: ProgressTracker | undefined;
  return inTransaction(deps.database.db, async (tx) => {
    const w = await writableDraw(tx, ctx.actor, id);
    if (!w.ok) {
      return w;
    }
    const d = w.value.draw;
    if (d.status !== 'frozen') {
      return err(wrongState(d, '只有已冻结的摇号可以提交承诺', 'only a frozen draw can be committed'));
    }
    let seedPlan: string;
    let systemSeed: string | null = null;
    switch (input.seedSource) {
      case 'dice':
        seedPlan = input.seedPlan ?? DICE_PLAN;
        break;
      case 'beacon': {
        const p = checkBeaconSeedPlan(input.seedPlan);
        if (!p.ok) {
          return p;
        }
        seedPlan = p.value;
        break;
      }
      case 'system':
        // spec §1: generated AT COMMIT, so it cannot be re-rolled afterwards; weakest source
        systemSeed = randomBytes(32).toString('hex');
        seedPlan = `sha256:${hashHex(systemSeed)}`;
        break;
    }
    const committedAt = now.toISOString();
    progress = trackDraw(
      d.taskId,
      'commit',
      w.value,
      z.array(frozenStratumSchema).parse(d.strata).length,
      now,
    );
    const c = await scannedInputOf(
      tx,
      d,
      { seedSource: input.seedSource, seedPlan, committedAt },
      null,
      progress,
    );
    if (!c.ok) {
      return c;
    }
    const commitment = commitScanned(c.value);
    if (!commitment.ok) {
      return commitment;
    }
    const frozen = z.array(frozenStratumSchema).parse(d.strata);
    const drift = commitment.value.commitmentObject.strata.find(
      (s, i) => s.frameDigest !== frozen[i]?.frameDigest || s.frameSize !== frozen[i]?.frameSize,
    );
    if (drift !== undefined || commitment.value.commitmentObject.poolDigest !== d.poolDigest) {
      return err(
        domainError(
          'CONFLICT',
          '冻结的名单或人员库已被改变，不能提交承诺',
          'the frozen frames or pool changed: cannot commit',
          { details: { stratum: drift?.name ?? null } },
        ),
      );
    }
    await updateDraw(tx, id, {
      status: 'committed',
      seedSource: input.seedSource,
      seedPlan,
      systemSeed,
      commitmentObject: commitment.value.commitmentObject,
      commitment: commitment.value.commitment,
      committedAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'draw.committed',
        entityType: 'draw',
        entityId: id,
        departmentCode: w.value.lead,
        before: { status: 'frozen' },
        after: {
          commitment: commitment.value.commitment,
          commitmentObject: commitment.value.commitmentObject,
        },
      },
      now,
    );
    // ssj-log/1 §3.1: the commitment is public before any seed exists
    await appendLogEntry(
      tx,
      {
        log: LOG_SPEC,
        kind: 'commitment',
        at: committedAt,
        drawId: id,
        taskId: d.taskId,
        commitment: commitment.value.commitment,
        commitmentObject: commitmentObjectSchema.parse(commitment.value.commitmentObject),
        supersedes: d.supersedes,
      },
      now,
    );
    const saved = await findDraw(tx, id);
    return saved === undefined
      ? err(domainError('NOT_FOUND', '摇号不存在', 'no such draw'))
      : ok(drawSummary(saved));
  }).finally(() => progress?.end());
}

function seedFor(d: DrawRow, raw: string | undefined): Result<string, DomainError> {
  const source = seedSourceSchema.parse(d.seedSource);
  switch (source) {
    case 'dice':
      return normaliseDiceSeed(raw ?? '');
    case 'beacon':
      return normaliseBeaconSeed(raw ?? '');
    case 'system':
      return d.systemSeed === null
        ? err(domainError('INVALID_STATE', '系统种子缺失', 'the system seed is missing'))
        : ok(d.systemSeed);
  }
}

/** Draw a committed draw with its seed: record, inspections and task status in one transaction. */
export async function runCommittedDraw(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof runInputSchema>,
): Promise<Result<DrawSummary & { selected: number; unfilled: number }, DomainError>> {
  const now = deps.clock();
  let progress: ProgressTracker | undefined;
  return inTransaction(deps.database.db, async (tx) => {
    const w = await writableDraw(tx, ctx.actor, id); // FOR UPDATE: a second press waits, then finds it drawn
    if (!w.ok) {
      return w;
    }
    const d = w.value.draw;
    if (d.status !== 'committed' || d.committedAt === null || d.seedPlan === null) {
      return err(
        wrongState(d, '只有已提交承诺、尚未摇号的摇号可以执行', 'only a committed, undrawn draw can be run'),
      );
    }
    const seed = seedFor(d, input.seed);
    if (!seed.ok) {
      return seed;
    }
    const committed = commitmentObjectSchema.parse(d.commitmentObject);
    progress = trackDraw(d.taskId, 'run', w.value, committed.strata.length, now);
    const c = await scannedInputOf(
      tx,
      d,
      { seedSource: committed.seedSource, seedPlan: committed.seedPlan, committedAt: committed.committedAt },
      { seed: seed.value, sampleSizes: new Map(committed.strata.map((s) => [s.name, s.sampleSize])) },
      progress,
    );
    if (!c.ok) {
      return c;
    }
    const drawnAt = new Date(Math.max(now.getTime(), d.committedAt.getTime()));
    progress.step('assign');
    const { result: record } = await runDrawOffThread({
      ...c.value,
      seed: seed.value,
      drawnAt: drawnAt.toISOString(),
      supersedes: d.supersedes,
      overrides: [] satisfies DrawOverride[],
    });
    if (!record.ok) {
      return record;
    }
    if (record.value.commitment !== d.commitment) {
      return err(
        domainError(
          'CONFLICT',
          '重新计算的承诺值与已公布的不符，拒绝摇号',
          'the recomputed commitment differs from the published one: refusing to draw',
        ),
      );
    }
    const t = await findTask(tx, d.taskId);
    if (t === undefined) {
      return err(domainError('NOT_FOUND', '任务不存在', 'no such task'));
    }
    progress.step('write');
    const teams = new Map(record.value.assignments.map((a) => [a.target, a.inspectors]));
    const dates = plannedDates(
      t.task.windowStart,
      t.task.windowEnd,
      chinaDate(drawnAt),
      record.value.selected.length,
    );
    await insertInspections(
      tx,
      d.taskId,
      id,
      chinaYear(drawnAt),
      record.value.selected.map((s, i) => ({
        targetId: s.id,
        inspectors: teams.get(s.id) ?? [],
        plannedDate: dates[i] ?? t.task.windowStart,
      })),
      now,
    );
    await updateDraw(tx, id, {
      status: 'drawn',
      seed: seed.value,
      drawnAt,
      witnesses: input.witnesses,
      record: record.value,
    });
    await updateTask(tx, d.taskId, { status: 'inspecting', updatedAt: now });
    const unfilled = record.value.assignments.filter((a) => a.status === 'unfilled').length;
    await audit(
      tx,
      ctx,
      {
        action: 'draw.drawn',
        entityType: 'draw',
        entityId: id,
        departmentCode: w.value.lead,
        before: { status: 'committed' },
        after: {
          seed: seed.value,
          seedInput: input.seed ?? null,
          drawnAt: drawnAt.toISOString(),
          witnesses: input.witnesses,
          selected: record.value.selected.length,
          unfilled,
        },
      },
      now,
    );
    // ssj-log/1 §3.2, §3.3, §3.7: seed, record digest and an audit checkpoint, in this transaction
    const logged = { log: LOG_SPEC, at: drawnAt.toISOString(), drawId: id, taskId: d.taskId } as const;
    await appendLogEntry(
      tx,
      { ...logged, kind: 'seed', commitment: record.value.commitment, seed: seed.value },
      now,
    );
    await appendLogEntry(
      tx,
      {
        ...logged,
        kind: 'draw',
        commitment: record.value.commitment,
        recordDigest: hashHex(canonicalJson(record.value)),
        selected: record.value.selected.length,
        supersedes: d.supersedes,
      },
      now,
    );
    await appendAuditCheckpoint(tx, now);
    const saved = await findDraw(tx, id);
    return saved === undefined
      ? err(domainError('NOT_FOUND', '摇号不存在', 'no such draw'))
      : ok({ ...drawSummary(saved), selected: record.value.selected.length, unfilled });
  }).finally(() => progress?.end());
}
