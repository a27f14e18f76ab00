/**
 * A frozen draw's inputs with its frames scanned (spec §4): what the commitment and the draw
 * are computed from. Each stratum's frame is streamed out of the database in byte order, never
 * held whole.
 */
import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type ScannedDrawInput,
  type ScannedStratum,
} from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findTask, frozenStratumSchema, parseTaskJson } from '../workflow';
import type { DrawRow } from './draw.repo';
import type { ProgressTracker } from './draw-progress';
import { scanStratum } from './frame-scan';
import { frameUnits, loadPairs, loadPool } from './frame.repo';

/** A frozen draw's inputs with its frames scanned, not held: what commitScanned and runScannedDraw take. */
export type ScannedFrozen = Omit<ScannedDrawInput, 'seed' | 'drawnAt' | 'supersedes' | 'overrides'>;

/**
 * The frozen data of a draw with each stratum's frame streamed out of the database in byte order
 * and scanned (spec §4 checks, size, digest). With `draw`, each stratum also keeps its k_s best
 * tickets for the seed (k_s from the commitment), and the picks' UNITs are read back.
 */
export async function scannedInputOf(
  db: Db,
  d: DrawRow,
  seed: { seedSource: ScannedDrawInput['seedSource']; seedPlan: string; committedAt: string },
  draw: { readonly seed: string; readonly sampleSizes: ReadonlyMap<string, number> } | null = null,
  progress?: ProgressTracker,
): Promise<Result<ScannedFrozen, DomainError>> {
  const t = await findTask(db, d.taskId);
  if (t === undefined) {
    return err(domainError('NOT_FOUND', '任务不存在', 'no such task'));
  }
  const { quota } = parseTaskJson(t.task);
  const frozen = z.array(frozenStratumSchema).parse(d.strata);
  const counts = z.record(z.string(), z.record(z.string(), z.number())).parse(d.frameExclusionCounts);
  const strata: ScannedStratum[] = [];
  for (const s of frozen) {
    const k = draw === null ? null : { seed: draw.seed, k: draw.sampleSizes.get(s.name) ?? 0 };
    progress?.stratum(s.name, s.frameSize);
    const scan = await scanStratum(db, d.id, s.name, t.task.jurisdictionRule, k, (n) => progress?.lines(n));
    if (!scan.ok) {
      return scan;
    }
    strata.push({
      name: s.name,
      ratio: s.ratio,
      min: s.min,
      max: s.max,
      frameSize: scan.value.lines,
      frameDigest: scan.value.digest,
      exclusionCounts: counts[s.name] ?? {},
      picks: scan.value.picks,
    });
  }
  const picked = strata.flatMap((s) => s.picks.map((p) => p.id));
  // commit scans without a seed: no picks, no query
  const rows = picked.length === 0 ? new Map<string, string | null>() : await frameUnits(db, d.id, picked);
  const units: Record<string, string> = {};
  for (const id of picked) {
    const unit = rows.get(id);
    if (unit === undefined) {
      return err(
        domainError(
          'CONFLICT',
          `抽中的对象不在冻结的名单中：${id}`,
          `a picked id is not a frame row: ${id}`,
          { details: { id } },
        ),
      );
    }
    if (unit !== null) {
      units[id] = unit;
    }
  }
  return ok({
    drawId: d.id,
    taskId: d.taskId,
    strata,
    units,
    quota,
    jurisdictionRule: t.task.jurisdictionRule,
    pool: await loadPool(db, d.id),
    pairExclusions: await loadPairs(db, d.id),
    ...seed,
  });
}
