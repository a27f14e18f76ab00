/**
 * Validity rules of a draw (spec §7 "Validity", with §2–§5): the rules a record must keep
 * before anything is recomputed. Used by `verifyRecord` (step 1) and by `runDraw`, so the
 * platform can never publish a record its own verifier rejects.
 */
import { err, ok, type Result } from '../result';
import { difference, type DrawDifference } from './difference';
import { parseFrame } from './frame';
import type { DrawRecord } from './record.schema';
import { CANONICAL_RATIO } from './sample-size';
import { hashHex } from './ticket';
import { compareUtf8 } from './utf8';

/** A frame after the §4 checks: ids in file order and the unit of each id (jurisdiction rule). */
export interface CheckedFrame {
  readonly name: string;
  readonly text: string;
  readonly ids: readonly string[];
  readonly units: ReadonlyMap<string, string> | null;
}

/** 行政处罚法 art. 42 (spec §5): single department ≥ 2; joint: ≥ 1 each and ≥ 2 in all. */
export function quotaRule(quota: Readonly<Record<string, number>>): DrawDifference | null {
  const entries = Object.entries(quota);
  const total = entries.reduce((a, [, n]) => a + n, 0);
  const bad = entries.find(([, n]) => n < 1);
  if (entries.length === 0 || bad !== undefined || total < 2) {
    return difference(
      'structure',
      'QUOTA_BELOW_MINIMUM',
      '人员配额低于《行政处罚法》第四十二条的最低要求（单部门至少 2 人；联合检查每部门至少 1 人、合计至少 2 人）',
      'quota below the art. 42 minimum (one department: at least 2; joint: at least 1 each and 2 in all)',
      { field: 'quota', actual: JSON.stringify(quota) },
    );
  }
  return null;
}

/** Seed form per source (spec §2, §1): dice ≥ 20 ASCII digits, beacon lowercase hex, system 64 hex matching seedPlan. */
export function seedRule(
  seedSource: DrawRecord['seedSource'],
  seed: string,
  seedPlan: string,
): DrawDifference | null {
  switch (seedSource) {
    case 'dice':
      return /^[0-9]{20,}$/.test(seed)
        ? null
        : difference(
            'structure',
            'DICE_SEED',
            '骰子种子须为至少 20 位 ASCII 数字',
            'a dice seed must be at least 20 ASCII digits',
            { field: 'seed', actual: seed },
          );
    case 'beacon':
      return /^[0-9a-f]+$/.test(seed)
        ? null
        : difference(
            'structure',
            'BEACON_SEED',
            '信标种子须为小写十六进制',
            'a beacon seed must be lowercase hex',
            { field: 'seed', actual: seed },
          );
    case 'system': {
      if (!/^[0-9a-f]{64}$/.test(seed)) {
        return difference(
          'structure',
          'SYSTEM_SEED',
          '系统种子须为 64 位小写十六进制',
          'a system seed must be 64 lowercase hex characters',
          { field: 'seed', actual: seed },
        );
      }
      const expected = 'sha256:' + hashHex(seed);
      return seedPlan === expected
        ? null
        : difference(
            'structure',
            'SYSTEM_SEED_PLAN',
            '系统种子与承诺中的 sha256 不符',
            'the system seed does not match the sha256 in seedPlan',
            { field: 'seedPlan', expected, actual: seedPlan },
          );
    }
  }
}

/** The record-only rules of spec §7 (structure is already parsed by zod). */
export function checkRecordRules(r: DrawRecord): DrawDifference | null {
  const names = new Set<string>();
  for (const s of r.strata) {
    if (names.has(s.name)) {
      return difference(
        'structure',
        'STRATUM_DUPLICATE',
        `分层名称重复：${s.name}`,
        `stratum name ${s.name} appears twice`,
        { stratum: s.name },
      );
    }
    names.add(s.name);
    if (!CANONICAL_RATIO.test(s.ratio)) {
      return difference(
        'structure',
        'RATIO_NOT_CANONICAL',
        `抽查比例「${s.ratio}」不是规范写法`,
        `ratio "${s.ratio}" is not canonical (spec §3)`,
        { stratum: s.name, field: 'ratio', actual: s.ratio },
      );
    }
  }
  const countKeys = Object.keys(r.frameExclusionCounts);
  if (countKeys.length !== names.size || countKeys.some((k) => !names.has(k))) {
    return difference(
      'structure',
      'EXCLUSION_COUNTS_STRATA',
      'frameExclusionCounts 的分层与 strata 不一致',
      'frameExclusionCounts must list exactly the strata',
      {
        field: 'frameExclusionCounts',
        expected: [...names].join(','),
        actual: countKeys.join(','),
      },
    );
  }
  for (let i = 1; i < r.pool.length; i++) {
    const a = r.pool[i - 1];
    const b = r.pool[i];
    if (a !== undefined && b !== undefined) {
      const c = compareUtf8(a.id, b.id);
      if (c === 0) {
        return difference(
          'structure',
          'POOL_NOT_UNIQUE',
          `人员库编号重复：${b.id}`,
          `pool id ${b.id} appears twice`,
          { field: 'pool', index: i, actual: b.id },
        );
      }
      if (c > 0) {
        return difference(
          'structure',
          'POOL_NOT_SORTED',
          '人员库未按编号（UTF-8 字节序）排序',
          'pool is not sorted by id in UTF-8 byte order',
          { field: 'pool', index: i, actual: b.id },
        );
      }
    }
  }
  for (let i = 1; i < r.pairExclusions.length; i++) {
    const a = r.pairExclusions[i - 1];
    const b = r.pairExclusions[i];
    if (a !== undefined && b !== undefined) {
      const c = compareUtf8(a.target, b.target) || compareUtf8(a.inspector, b.inspector);
      if (c === 0) {
        return difference(
          'structure',
          'PAIRS_NOT_UNIQUE',
          '回避配对重复',
          `pair exclusion ${b.target}/${b.inspector} appears twice`,
          { field: 'pairExclusions', index: i },
        );
      }
      if (c > 0) {
        return difference(
          'structure',
          'PAIRS_NOT_SORTED',
          '回避配对未排序',
          'pairExclusions are not sorted by target, then inspector',
          { field: 'pairExclusions', index: i },
        );
      }
    }
  }
  const q = quotaRule(r.quota);
  if (q !== null) {
    return q;
  }
  const s = seedRule(r.seedSource, r.seed, r.seedPlan);
  if (s !== null) {
    return s;
  }
  const drawnAt = Date.parse(r.drawnAt);
  if (drawnAt < Date.parse(r.committedAt)) {
    return difference(
      'structure',
      'DRAWN_BEFORE_COMMIT',
      '抽取时间早于承诺时间',
      'drawnAt is earlier than committedAt',
      { field: 'drawnAt', expected: `>= ${r.committedAt}`, actual: r.drawnAt },
    );
  }
  if (r.supersedes === r.drawId) {
    return difference('structure', 'SUPERSEDES_SELF', '抽取不能取代自身', 'a draw cannot supersede itself', {
      field: 'supersedes',
    });
  }
  const seen = new Set<string>();
  for (const [index, sel] of r.selected.entries()) {
    if (!names.has(sel.stratum)) {
      return difference(
        'structure',
        'SELECTED_UNKNOWN_STRATUM',
        `未知分层：${sel.stratum}`,
        `selected names an unknown stratum ${sel.stratum}`,
        { index, stratum: sel.stratum },
      );
    }
    if (seen.has(sel.id)) {
      return difference(
        'structure',
        'ID_IN_TWO_STRATA',
        `检查对象重复入选：${sel.id}`,
        `id ${sel.id} is selected twice`,
        { index, target: sel.id },
      );
    }
    seen.add(sel.id);
  }
  for (const [index, o] of r.overrides.entries()) {
    if (!seen.has(o.target)) {
      return difference(
        'structure',
        'OVERRIDE_TARGET',
        '直接委派指向未入选的检查对象',
        `override names ${o.target}, which is not a selected target`,
        { index, target: o.target, field: 'overrides' },
      );
    }
    if (o.reason.trim().length === 0) {
      return difference('structure', 'OVERRIDE_REASON', '直接委派缺少理由', 'override has no reason', {
        index,
        target: o.target,
        field: 'overrides',
      });
    }
    if (Date.parse(o.at) < drawnAt) {
      return difference(
        'structure',
        'OVERRIDE_BEFORE_DRAW',
        '直接委派时间早于抽取时间',
        'override is dated before drawnAt',
        { index, target: o.target, field: 'overrides', expected: `>= ${r.drawnAt}`, actual: o.at },
      );
    }
  }
  return null;
}

/** Check every stratum's frame file (spec §4) and that no id is in two strata (spec §3). */
export function checkFrames(
  strata: readonly { readonly name: string }[],
  frames: ReadonlyMap<string, string>,
  jurisdictionRule: boolean,
): Result<CheckedFrame[], DrawDifference> {
  const out: CheckedFrame[] = [];
  const owner = new Map<string, string>();
  for (const s of strata) {
    const text = frames.get(s.name);
    if (text === undefined) {
      return err(
        difference(
          'structure',
          'FRAME_MISSING',
          `缺少分层 ${s.name} 的名单文件`,
          `no frame file for stratum ${s.name}`,
          { stratum: s.name },
        ),
      );
    }
    const parsed = parseFrame(text, jurisdictionRule);
    if (!parsed.ok) {
      const e = parsed.error;
      return err(
        difference('structure', 'FRAME_' + e.code, e.messageZh, e.messageEn, {
          stratum: s.name,
          line: e.line,
        }),
      );
    }
    let units: Map<string, string> | null = null;
    if (parsed.value.units !== null) {
      units = new Map();
      for (const [i, id] of parsed.value.ids.entries()) {
        units.set(id, parsed.value.units[i] ?? '');
      }
    }
    for (const id of parsed.value.ids) {
      const other = owner.get(id);
      if (other !== undefined) {
        return err(
          difference(
            'structure',
            'ID_IN_TWO_STRATA',
            `检查对象 ${id} 同时在分层 ${other} 和 ${s.name} 中`,
            `id ${id} is in two strata: ${other} and ${s.name}`,
            { stratum: s.name, target: id },
          ),
        );
      }
      owner.set(id, s.name);
    }
    out.push({ name: s.name, text, ids: parsed.value.ids, units });
  }
  return ok(out);
}
