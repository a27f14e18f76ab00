/**
 * Progress of a task's running freeze, commit or draw, for the staff screens to poll: the step,
 * and while a frame streams through the scanner, its lines against the frame's size. Held in
 * this process's memory, never in the database: the operation's transaction holds the task row
 * (and PGlite's one connection), and a poll must not wait for it. Another server process of a
 * scaled-out deployment sees `running: false`, and the screens fall back to their own estimate.
 */
import { err, ok, type DomainError, type Result } from '@openssj/core';
import { canReadDepartment, forbiddenDepartment, type Actor } from '../platform';

export type DrawOperation = 'freeze' | 'commit' | 'run';
/** frames: writing frames, exclusions, pool and pairs (SQL); scan: a frame through the scanner; assign: teams and the record; write: inspections, audit and log. */
export type DrawStep = 'frames' | 'scan' | 'assign' | 'write';

export interface DrawProgress {
  readonly operation: DrawOperation;
  readonly step: DrawStep;
  readonly stratum: string | null;
  /** Lines scanned of the current stratum. */
  readonly lines: number;
  /** The current stratum's frame size, when known (commit and run; null at freeze). */
  readonly total: number | null;
  /** Strata done of all strata, across the scan steps. */
  readonly strataDone: number;
  readonly strata: number;
  readonly startedAt: string;
}

interface Entry {
  progress: DrawProgress;
  readonly lead: string;
  readonly participants: readonly string[];
}

const running = new Map<string, Entry>();

/** A handle the operation updates; `end()` in a finally block. */
export interface ProgressTracker {
  step(step: DrawStep): void;
  /** A stratum starts streaming: its name and, when known, its size. */
  stratum(name: string, total: number | null): void;
  lines(n: number): void;
  end(): void;
}

/** Start tracking an operation on a task; `strata` is how many frames it will scan. */
export function trackDraw(
  taskId: string,
  operation: DrawOperation,
  who: { readonly lead: string; readonly participants: readonly string[] },
  strata: number,
  now: Date,
): ProgressTracker {
  const entry: Entry = {
    ...who,
    progress: {
      operation,
      step: operation === 'freeze' ? 'frames' : 'scan',
      stratum: null,
      lines: 0,
      total: null,
      strataDone: 0,
      strata,
      startedAt: now.toISOString(),
    },
  };
  running.set(taskId, entry);
  let started = 0;
  const update = (p: Partial<DrawProgress>): void => {
    entry.progress = { ...entry.progress, ...p };
  };
  return {
    step: (step) => update({ step, stratum: null, strataDone: started }),
    stratum: (name, total) => update({ step: 'scan', strataDone: started++, stratum: name, total, lines: 0 }),
    lines: (lines) => update({ lines }),
    end: () => {
      if (running.get(taskId) === entry) {
        running.delete(taskId);
      }
    },
  };
}

/** What a poll sees: the task's running operation, if any, when the actor may read the task. */
export function drawProgressOf(
  actor: Actor,
  taskId: string,
): Result<{ running: boolean; progress: DrawProgress | null }, DomainError> {
  const e = running.get(taskId);
  if (e === undefined) {
    return ok({ running: false, progress: null });
  }
  return canReadDepartment(actor, e.lead, e.participants)
    ? ok({ running: true, progress: e.progress })
    : err(forbiddenDepartment(e.lead));
}

/** Operations running now, by kind (the /metrics gauge). */
export function runningDrawOperations(): Record<DrawOperation, number> {
  const counts: Record<DrawOperation, number> = { freeze: 0, commit: 0, run: 0 };
  for (const e of running.values()) {
    counts[e.progress.operation]++;
  }
  return counts;
}
