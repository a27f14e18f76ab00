/**
 * Overlaps in the city-wide plan view: tasks of different departments whose windows overlap
 * and whose scopes hit the same targets should be joined (进一次门、查多项事). The host counts
 * the common targets in SQL; this module finds the candidate pairs and words the suggestion.
 */

/** A task as the overlap check sees it. */
export interface OverlapTask {
  readonly id: string;
  readonly title: string;
  readonly lead: string;
  readonly participants: readonly string[];
  readonly windowStart: string;
  readonly windowEnd: string;
}

/** A pair of tasks to check, and (after counting) the suggestion. */
export interface OverlapPair {
  readonly a: string;
  readonly b: string;
  readonly commonTargets: number;
  readonly suggestionZh: string;
  readonly suggestionEn: string;
}

/** Two closed date windows overlap. */
export function windowsOverlap(
  a: Pick<OverlapTask, 'windowStart' | 'windowEnd'>,
  b: Pick<OverlapTask, 'windowStart' | 'windowEnd'>,
): boolean {
  return a.windowStart <= b.windowEnd && b.windowStart <= a.windowEnd;
}

/** Pairs of tasks from different departments (no shared department) whose windows overlap. */
export function overlapCandidates(tasks: readonly OverlapTask[]): [OverlapTask, OverlapTask][] {
  const out: [OverlapTask, OverlapTask][] = [];
  for (let i = 0; i < tasks.length; i++) {
    for (let j = i + 1; j < tasks.length; j++) {
      const a = tasks[i];
      const b = tasks[j];
      if (a === undefined || b === undefined || !windowsOverlap(a, b)) {
        continue;
      }
      const da = new Set([a.lead, ...a.participants]);
      if ([b.lead, ...b.participants].some((d) => da.has(d))) {
        continue; // already joint, or the same department
      }
      out.push([a, b]);
    }
  }
  return out;
}

/** The suggestion for a pair that shares `common` targets. */
export function overlapSuggestion(a: OverlapTask, b: OverlapTask, common: number): OverlapPair {
  return {
    a: a.id,
    b: b.id,
    commonTargets: common,
    suggestionZh: `「${a.title}」与「${b.title}」时间重叠、共涉及 ${common} 户检查对象，建议合并为联合抽查（${a.lead} 发起，${b.lead} 参与），进一次门、查多项事`,
    suggestionEn: `"${a.title}" and "${b.title}" overlap in time and share ${common} targets: join them into one joint task (${a.lead} leading, ${b.lead} participating)`,
  };
}
