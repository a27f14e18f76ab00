/**
 * verifyRecord (spec §7): recompute a published draw from the record and its frame files, in
 * the spec's order, and return the first difference. Needs core only: no database, no server.
 */
import { err, ok, type Result } from '../result';
import { assignTeams, type Assignment } from './assignment';
import { describeDifference, difference, type DrawDifference } from './difference';
import { commitmentDigest, frameDigest, pairExclusionsDigest, poolDigest } from './digests';
import { drawRecordSchema, type DrawRecord } from './record.schema';
import { parseRatio, sampleSize } from './sample-size';
import { selectStrata, type SelectedTarget } from './selection';
import { defaultTicketHasher, type TicketHasher } from './ticket-hasher';
import { checkFrames, checkRecordRules } from './validity';

export { describeDifference };

/** Frame file texts by stratum name. */
export type FrameTexts = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function toMap(frames: FrameTexts): ReadonlyMap<string, string> {
  return frames instanceof Map ? frames : new Map(Object.entries(frames));
}

/** Verify a draw record against its frame files (spec §7); the record when it holds, else the first difference. */
export function verifyRecord(
  input: unknown,
  frames: FrameTexts,
  hasher: TicketHasher = defaultTicketHasher,
): Result<DrawRecord, DrawDifference> {
  // 1. structure and the rules
  const parsed = drawRecordSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first === undefined ? '' : first.path.map(String).join('.');
    return err(
      difference(
        'structure',
        'SCHEMA',
        `记录结构不符：${path} ${first?.message ?? ''}`,
        `record structure: ${path}: ${first?.message ?? 'invalid'}`,
        { field: path },
      ),
    );
  }
  const r = parsed.data;
  const rule = checkRecordRules(r);
  if (rule !== null) {
    return err(rule);
  }
  const checked = checkFrames(r.strata, toMap(frames), r.jurisdictionRule);
  if (!checked.ok) {
    return checked;
  }
  const frameList = checked.value;

  // 2. frame digests and sizes
  for (const [i, s] of r.strata.entries()) {
    const f = frameList[i];
    if (f === undefined) {
      continue;
    }
    const digest = frameDigest(f.text);
    if (digest !== s.frameDigest) {
      return err(
        difference(
          'frames',
          'FRAME_DIGEST',
          `分层 ${s.name} 的名单文件摘要不符`,
          `frameDigest of stratum ${s.name} differs`,
          { stratum: s.name, expected: s.frameDigest, actual: digest },
        ),
      );
    }
    if (f.ids.length !== s.frameSize) {
      return err(
        difference(
          'frames',
          'FRAME_SIZE',
          `分层 ${s.name} 的名单行数不符`,
          `frameSize of stratum ${s.name} differs`,
          { stratum: s.name, expected: String(s.frameSize), actual: String(f.ids.length) },
        ),
      );
    }
  }

  // 3. sample sizes
  for (const s of r.strata) {
    const ratio = parseRatio(s.ratio);
    if (!ratio.ok) {
      return err(
        difference('structure', 'RATIO_NOT_CANONICAL', ratio.error.messageZh, ratio.error.messageEn, {
          stratum: s.name,
        }),
      );
    }
    const k = sampleSize(s.frameSize, ratio.value, s.min, s.max);
    if (k !== s.sampleSize) {
      return err(
        difference(
          'sampleSizes',
          'SAMPLE_SIZE',
          `分层 ${s.name} 的样本量不符`,
          `sampleSize of stratum ${s.name} differs`,
          { stratum: s.name, expected: String(k), actual: String(s.sampleSize) },
        ),
      );
    }
  }

  // 4. pool and pair digests
  const pd = poolDigest(r.pool);
  if (pd !== r.poolDigest) {
    return err(
      difference('digests', 'POOL_DIGEST', '人员库摘要不符', 'poolDigest differs', {
        field: 'poolDigest',
        expected: r.poolDigest,
        actual: pd,
      }),
    );
  }
  const xd = pairExclusionsDigest(r.pairExclusions);
  if (xd !== r.pairExclusionsDigest) {
    return err(
      difference('digests', 'PAIRS_DIGEST', '回避配对摘要不符', 'pairExclusionsDigest differs', {
        field: 'pairExclusionsDigest',
        expected: r.pairExclusionsDigest,
        actual: xd,
      }),
    );
  }

  // 5. commitment
  const c = commitmentDigest(r);
  if (c !== r.commitment) {
    return err(
      difference('commitment', 'COMMITMENT', '承诺值不符', 'commitment differs', {
        field: 'commitment',
        expected: r.commitment,
        actual: c,
      }),
    );
  }

  // 6. selections
  const expectedSel = selectStrata(
    r.seed,
    r.strata.map((s, i) => ({ name: s.name, ids: frameList[i]?.ids ?? [], sampleSize: s.sampleSize })),
    hasher,
  );
  const selDiff = compareSelected(expectedSel, r.selected);
  if (selDiff !== null) {
    return err(selDiff);
  }

  // 7. assignments
  const units = new Map<string, string>();
  for (const f of frameList) {
    for (const [id, u] of f.units ?? []) {
      units.set(id, u);
    }
  }
  const expectedTeams = assignTeams(
    {
      seed: r.seed,
      targets: expectedSel.map((s) => ({ id: s.id, unit: units.get(s.id) ?? null })),
      pool: r.pool,
      quota: r.quota,
      pairExclusions: r.pairExclusions,
      jurisdictionRule: r.jurisdictionRule,
    },
    hasher,
  );
  const teamDiff = compareAssignments(expectedTeams, r.assignments);
  if (teamDiff !== null) {
    return err(teamDiff);
  }
  return ok(r);
}

function showSel(s: SelectedTarget | undefined): string {
  return s === undefined ? '(none)' : `${s.stratum} ${s.id} ${s.ticket}`;
}

function compareSelected(
  expected: readonly SelectedTarget[],
  actual: readonly SelectedTarget[],
): DrawDifference | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (
      e === undefined ||
      a === undefined ||
      e.stratum !== a.stratum ||
      e.id !== a.id ||
      e.ticket !== a.ticket
    ) {
      const target = e?.id ?? a?.id;
      return difference(
        'selections',
        'SELECTED',
        `第 ${i + 1} 个入选对象不符`,
        `selected #${i + 1} differs`,
        {
          index: i,
          ...(target === undefined ? {} : { target }),
          ...(e === undefined ? {} : { stratum: e.stratum }),
          expected: showSel(e),
          actual: showSel(a),
        },
      );
    }
  }
  return null;
}

function showTeam(t: Assignment | undefined): string {
  return t === undefined
    ? '(none)'
    : `${t.target} [${t.inspectors.join(', ')}] ${t.status} open=${JSON.stringify(t.open)}`;
}

function sameOpen(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function compareAssignments(
  expected: readonly Assignment[],
  actual: readonly Assignment[],
): DrawDifference | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    let field: string | null = null;
    if (e === undefined || a === undefined) {
      field = 'assignment';
    } else if (e.target !== a.target) {
      field = 'target';
    } else if (
      e.inspectors.length !== a.inspectors.length ||
      e.inspectors.some((x, j) => a.inspectors[j] !== x)
    ) {
      field = 'inspectors';
    } else if (e.status !== a.status) {
      field = 'status';
    } else if (!sameOpen(e.open, a.open)) {
      field = 'open';
    }
    if (field !== null) {
      const target = e?.target ?? a?.target;
      return difference(
        'assignments',
        'ASSIGNMENT',
        `第 ${i + 1} 个检查组不符（${field}）`,
        `team #${i + 1} differs (${field})`,
        {
          index: i,
          field,
          ...(target === undefined ? {} : { target }),
          expected: showTeam(e),
          actual: showTeam(a),
        },
      );
    }
  }
  return null;
}
