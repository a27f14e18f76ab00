/**
 * Joint inspection figures (部门联合抽查, issue 6): the visits saved by inspecting together
 * (001: Changning, 2,518 → 630, −74.98 %), the joint share, and the estimate of what merging
 * two departments' tasks would save.
 */

export interface VisitsSaved {
  /** Visits the departments would make alone. */
  readonly alone: number;
  /** Visits actually made. */
  readonly made: number;
  readonly saved: number;
  /** saved ÷ alone, 0 when nothing would be visited. */
  readonly reduction: number;
}

/** Visits saved by joint inspection: alone − made, and the relative reduction. */
export function visitsSaved(alone: number, made: number): VisitsSaved {
  const saved = Math.max(0, alone - made);
  return { alone, made, saved, reduction: alone === 0 ? 0 : saved / alone };
}

/** A ratio a ÷ b that is null when b is 0 (nothing to measure). */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Two departments' tasks as a merger sees them: frame and sample size, and the targets both frames hold. */
export interface MergerInput {
  readonly frameA: number;
  readonly sampleA: number;
  readonly frameB: number;
  readonly sampleB: number;
  readonly shared: number;
}

/**
 * Visits a merged task would save: inside the shared part of the frames, each task expects
 * k × shared ÷ N visits; a joint draw visits each shared target once for both, so the smaller
 * of the two expectations is saved (rounded down, so the figure never promises too much).
 */
export function mergerSavings(m: MergerInput): { alone: number; merged: number; saved: number } {
  const alone = m.sampleA + m.sampleB;
  const inA = m.frameA === 0 ? 0 : (m.sampleA * Math.min(m.shared, m.frameA)) / m.frameA;
  const inB = m.frameB === 0 ? 0 : (m.sampleB * Math.min(m.shared, m.frameB)) / m.frameB;
  const saved = Math.floor(Math.min(inA, inB) + 1e-9);
  return { alone, merged: alone - saved, saved };
}
