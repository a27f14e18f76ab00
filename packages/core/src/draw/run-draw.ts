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
import { selectIds, selectStrata, type Pick as TicketPick, type SelectedTarget } from './selection';
import { defaultTicketHasher, type TicketHasher } from './ticket-hasher';
import { compareUtf8 } from './utf8';
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

/** Size and digest of a stratum's frame, however they were computed (spec §4, §6). */
export interface StratumSummary {
  readonly name: string;
  readonly ratio: string;
  readonly min?: number;
  readonly max?: number | null;
  readonly frameSize: number;
  readonly frameDigest: string;
  readonly exclusionCounts?: Partial<Record<FrameExclusionCode, number>>;
}

/** The commitment (spec §6) from each stratum's size and digest; the quota is checked first. */
function commitmentFrom(
  input: Omit<CommitInput, 'strata'>,
  summaries: readonly StratumSummary[],
): Result<Commitment, DomainError> {
  const q = quotaRule(input.quota);
  if (q !== null) {
    return err(toDomainError(q));
  }
  const strata: CommitmentObject['strata'][number][] = [];
  for (const s of summaries) {
    const ratio = parseRatio(s.ratio);
    if (!ratio.ok) {
      return ratio;
    }
    const min = s.min ?? 0;
    const max = s.max ?? null;
    strata.push({
      name: s.name,
      ratio: s.ratio,
      min,
      max,
      frameSize: s.frameSize,
      frameDigest: s.frameDigest,
      sampleSize: sampleSize(s.frameSize, ratio.value, min, max),
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
  });
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
  const c = commitmentFrom(
    input,
    input.strata.map((s, i) => ({
      ...s,
      frameSize: frames.value[i]?.ids.length ?? 0,
      frameDigest: frameDigest(s.frame),
    })),
  );
  return c.ok ? ok({ ...c.value, frames: frames.value }) : c;
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
  const { commitmentObject, frames } = p.value;
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
  return recordOf(input, p.value, selected, units, hasher);
}

/** A stratum scanned outside core by a streaming scanner (spec §2–§4): size, digest and picks. */
export interface ScannedStratum extends StratumSummary {
  /** The stratum's k_s smallest tickets, ascending (spec §3). */
  readonly picks: readonly TicketPick[];
}

/** What commitScanned takes: the commit inputs with strata summarised, not their frame text. */
export interface ScannedCommitInput extends Omit<CommitInput, 'strata'> {
  readonly strata: readonly StratumSummary[];
}

/** What runScannedDraw takes: the draw inputs with scanned strata and the picked ids' UNITs. */
export interface ScannedDrawInput extends Omit<DrawInput, 'strata'> {
  readonly strata: readonly ScannedStratum[];
  /** UNIT of each picked id whose frame line has one (spec §4). */
  readonly units: Readonly<Record<string, string>>;
}

/**
 * The commitment (spec §6) of frames a streaming scanner has checked and digested: the same
 * value commitDraw gives for the frame texts (tested), without holding them in memory.
 */
export function commitScanned(input: ScannedCommitInput): Result<Commitment, DomainError> {
  return commitmentFrom(input, input.strata);
}

/**
 * A DrawInput's frame texts scanned in core, as a streaming scanner would give them: each
 * stratum's size, digest and k_s best picks, and the picked ids' UNITs. runScannedDraw of the
 * result is runDraw of the input.
 */
export function scanDrawInput(
  input: DrawInput,
  hasher: TicketHasher = defaultTicketHasher,
): Result<ScannedDrawInput, DomainError> {
  const p = prepare(input);
  if (!p.ok) {
    return p;
  }
  const units: Record<string, string> = {};
  const strata = input.strata.map((s, i): ScannedStratum => {
    const c = p.value.commitmentObject.strata[i];
    const f = p.value.frames[i];
    const picks = selectIds(input.seed, f?.ids ?? [], c?.sampleSize ?? 0, hasher);
    for (const pick of picks) {
      const u = f?.units?.get(pick.id);
      if (u !== undefined) {
        units[pick.id] = u;
      }
    }
    const { frame: _text, ...rest } = s;
    return { ...rest, frameSize: c?.frameSize ?? 0, frameDigest: c?.frameDigest ?? '', picks };
  });
  const { strata: _frames, ...rest } = input;
  return ok({ ...rest, strata, units });
}

const TICKET = /^0\.[0-9]{64,78}$/;

function scanMismatch(stratum: string, zh: string, en: string): DomainError {
  return domainError('VALIDATION', `分层「${stratum}」的扫描结果有误：${zh}`, `stratum ${stratum}: ${en}`, {
    details: { stratum },
  });
}

/**
 * runDraw for frames scanned by a streaming scanner (the server streams them out of the
 * database): each stratum brings its size, digest and k_s best picks instead of its text. The
 * record is the one runDraw builds from the same frames (tested); picks are checked for count,
 * ticket form and order, since they come from outside core.
 */
export function runScannedDraw(
  input: ScannedDrawInput,
  hasher: TicketHasher = defaultTicketHasher,
): Result<DrawRecord, DomainError> {
  const c = commitmentFrom(input, input.strata);
  if (!c.ok) {
    return c;
  }
  const tagged: SelectedTarget[] = [];
  for (const [i, s] of input.strata.entries()) {
    const k = c.value.commitmentObject.strata[i]?.sampleSize ?? 0;
    if (s.picks.length !== k) {
      return err(
        scanMismatch(
          s.name,
          `应抽取 ${k} 户，扫描给出 ${s.picks.length} 户`,
          `${k} picks expected, ${s.picks.length} given`,
        ),
      );
    }
    for (const [j, p] of s.picks.entries()) {
      const before = s.picks[j - 1];
      if (!TICKET.test(p.ticket) || (before !== undefined && comparePicks(before, p) >= 0)) {
        return err(
          scanMismatch(
            s.name,
            `第 ${j + 1} 个抽中对象的摇号值有误`,
            `pick ${j + 1} is malformed or out of order`,
          ),
        );
      }
      tagged.push({ stratum: s.name, id: p.id, ticket: p.ticket });
    }
  }
  tagged.sort(comparePicks);
  return recordOf(input, c.value, tagged, new Map(Object.entries(input.units)), hasher);
}

/** Ascending ticket order, ties by id in UTF-8 byte order (the order compareEntries gives). */
function comparePicks(a: TicketPick, b: TicketPick): number {
  if (a.ticket !== b.ticket) {
    return a.ticket < b.ticket ? -1 : 1;
  }
  return compareUtf8(a.id, b.id);
}

/** Assignment (spec §5) over the selection, then the published record (spec §7), rule-checked. */
function recordOf(
  input: Omit<DrawInput, 'strata'> & {
    readonly strata: readonly Pick<StratumSummary, 'name' | 'exclusionCounts'>[];
  },
  c: Commitment,
  selected: SelectedTarget[],
  units: ReadonlyMap<string, string>,
  hasher: TicketHasher,
): Result<DrawRecord, DomainError> {
  const { commitmentObject, commitment } = c;
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
