/**
 * commitDraw and runDraw (spec §1, §6, §7): what the platform runs. commitDraw freezes the frames
 * and pool into the commitment before any randomness; runDraw turns the commitment's inputs,
 * the seed and the draw time into the full published record, and refuses to produce a record
 * that its own verifier would reject.
 */
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';
import { assignTeams } from './assignment';
import type { DrawDifference } from './difference';
import {
  commitmentDigest,
  commitmentJcs,
  DRAW_SPEC,
  frameDigest,
  normalisePairExclusions,
  pairExclusionsDigest,
  poolDigest,
  sortPool,
  type CommitmentObject,
  type PairExclusion,
  type PoolEntry,
  type SeedSource,
} from './digests';
import type { DrawOverride, DrawRecord, FrameExclusionCode } from './record.schema';
import { parseRatio, sampleSize } from './sample-size';
import { selectStrata } from './selection';
import { defaultTicketHasher, type TicketHasher } from './ticket-hasher';
import { checkFrames, checkRecordRules, quotaRule, type CheckedFrame } from './validity';

/** One stratum as the task defines it, with its frozen frame file text (spec §3, §4). */
export interface DrawStratumInput {
  readonly name: string;
  readonly ratio: string;
  readonly min?: number;
  readonly max?: number | null;
  readonly frame: string;
  readonly exclusionCounts?: Partial<Record<FrameExclusionCode, number>>;
}

/** What is frozen and committed before the seed exists (spec §1 steps 1–2). */
export interface CommitInput {
  readonly drawId: string;
  readonly taskId: string;
  readonly strata: readonly DrawStratumInput[];
  readonly quota: Readonly<Record<string, number>>;
  readonly jurisdictionRule: boolean;
  readonly pool: readonly PoolEntry[];
  readonly pairExclusions: readonly PairExclusion[];
  readonly seedSource: SeedSource;
  readonly seedPlan: string;
  readonly committedAt: string;
}

/** The commitment inputs plus the seed and draw time (spec §1 steps 3–4). */
export interface DrawInput extends CommitInput {
  readonly seed: string;
  readonly drawnAt: string;
  readonly supersedes?: string | null;
  readonly overrides?: readonly DrawOverride[];
}

/** A computed commitment (spec §6). */
export interface Commitment {
  readonly commitmentObject: CommitmentObject;
  readonly commitmentJcs: string;
  readonly commitment: string;
}

function toDomainError(d: DrawDifference): DomainError {
  return domainError('VALIDATION', d.messageZh, d.messageEn, { details: { ...d } });
}

interface Prepared extends Commitment {
  readonly frames: CheckedFrame[];
}

function prepare(input: CommitInput): Result<Prepared, DomainError> {
  const q = quotaRule(input.quota);
  if (q !== null) {
    return err(toDomainError(q));
  }
  const frames = checkFrames(
    input.strata,
    new Map(input.strata.map((s) => [s.name, s.frame])),
    input.jurisdictionRule,
  );
  if (!frames.ok) {
    return err(toDomainError(frames.error));
  }
  const strata: CommitmentObject['strata'][number][] = [];
  for (const [i, s] of input.strata.entries()) {
    const ratio = parseRatio(s.ratio);
    if (!ratio.ok) {
      return ratio;
    }
    const size = frames.value[i]?.ids.length ?? 0;
    const min = s.min ?? 0;
    const max = s.max ?? null;
    strata.push({
      name: s.name,
      ratio: s.ratio,
      min,
      max,
      frameSize: size,
      frameDigest: frameDigest(s.frame),
      sampleSize: sampleSize(size, ratio.value, min, max),
    });
  }
  const commitmentObject: CommitmentObject = {
    spec: DRAW_SPEC,
    drawId: input.drawId,
    taskId: input.taskId,
    strata,
    quota: { ...input.quota },
    jurisdictionRule: input.jurisdictionRule,
    poolDigest: poolDigest(input.pool),
    pairExclusionsDigest: pairExclusionsDigest(input.pairExclusions),
    seedSource: input.seedSource,
    seedPlan: input.seedPlan,
    committedAt: input.committedAt,
  };
  return ok({
    commitmentObject,
    commitmentJcs: commitmentJcs(commitmentObject),
    commitment: commitmentDigest(commitmentObject),
    frames: frames.value,
  });
}

/** Compute the commitment of a frozen draw (spec §6), checking frames and quota first. */
export function commitDraw(input: CommitInput): Result<Commitment, DomainError> {
  const p = prepare(input);
  return p.ok
    ? ok({
        commitmentObject: p.value.commitmentObject,
        commitmentJcs: p.value.commitmentJcs,
        commitment: p.value.commitment,
      })
    : p;
}

/** Run the draw (spec §3, §5) and build the published record (spec §7). */
export function runDraw(
  input: DrawInput,
  hasher: TicketHasher = defaultTicketHasher,
): Result<DrawRecord, DomainError> {
  const p = prepare(input);
  if (!p.ok) {
    return p;
  }
  const { commitmentObject, commitment, frames } = p.value;
  const selected = selectStrata(
    input.seed,
    commitmentObject.strata.map((s, i) => ({
      name: s.name,
      ids: frames[i]?.ids ?? [],
      sampleSize: s.sampleSize,
    })),
    hasher,
  );
  const units = new Map<string, string>();
  for (const f of frames) {
    for (const [id, u] of f.units ?? []) {
      units.set(id, u);
    }
  }
  const pool = sortPool(input.pool);
  const pairExclusions = normalisePairExclusions(input.pairExclusions);
  const assignments = assignTeams(
    {
      seed: input.seed,
      targets: selected.map((s) => ({ id: s.id, unit: units.get(s.id) ?? null })),
      pool,
      quota: input.quota,
      pairExclusions,
      jurisdictionRule: input.jurisdictionRule,
    },
    hasher,
  );
  const record: DrawRecord = {
    ...commitmentObject,
    strata: commitmentObject.strata.map((s) => ({ ...s })),
    quota: { ...commitmentObject.quota },
    commitment,
    seed: input.seed,
    drawnAt: input.drawnAt,
    pool: pool.map((e) => ({
      id: e.id,
      department: e.department,
      unit: e.unit,
      capacity: e.capacity,
      fallback: e.fallback,
    })),
    pairExclusions: pairExclusions.map((x) => ({ target: x.target, inspector: x.inspector })),
    frameExclusionCounts: Object.fromEntries(
      input.strata.map((s) => [s.name, { ...(s.exclusionCounts ?? {}) }]),
    ),
    selected,
    assignments: assignments.map((a) => ({
      target: a.target,
      inspectors: [...a.inspectors],
      status: a.status,
      open: { ...a.open },
    })),
    overrides: (input.overrides ?? []).map((o) => ({ ...o, inspectors: [...o.inspectors] })),
    supersedes: input.supersedes ?? null,
  };
  const rule = checkRecordRules(record);
  return rule === null ? ok(record) : err(toDomainError(rule));
}
