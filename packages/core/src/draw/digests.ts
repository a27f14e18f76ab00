/**
 * Digests and the commitment (spec §4, §6): frameDigest, poolDigest, pairExclusionsDigest and
 * the commitment itself, each the SHA-256 hex of bytes or of JCS text.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson, type JsonValue } from './jcs';
import { compareUtf8, utf8Encode } from './utf8';

/** Spec name written in every commitment and record. */
export const DRAW_SPEC = 'ssj-draw/1';

/** A pool entry (spec §5). */
export interface PoolEntry {
  readonly id: string;
  readonly department: string;
  readonly unit: string | null;
  readonly capacity: number | null;
  readonly fallback: boolean;
}

/** A pair exclusion (spec §5): a conflict of interest or a rotation. */
export interface PairExclusion {
  readonly target: string;
  readonly inspector: string;
}

/** A stratum as the commitment lists it (spec §6). */
export interface CommittedStratum {
  readonly name: string;
  readonly ratio: string;
  readonly min: number;
  readonly max: number | null;
  readonly frameSize: number;
  readonly frameDigest: string;
  readonly sampleSize: number;
}

export type SeedSource = 'dice' | 'beacon' | 'system';

/** The commitment object of spec §6. */
export interface CommitmentObject {
  readonly spec: typeof DRAW_SPEC;
  readonly drawId: string;
  readonly taskId: string;
  readonly strata: readonly CommittedStratum[];
  readonly quota: Readonly<Record<string, number>>;
  readonly jurisdictionRule: boolean;
  readonly poolDigest: string;
  readonly pairExclusionsDigest: string;
  readonly seedSource: SeedSource;
  readonly seedPlan: string;
  readonly committedAt: string;
}

/** SHA-256 hex of the UTF-8 bytes of a text. */
export function sha256HexOfText(text: string): string {
  return bytesToHex(sha256(utf8Encode(text)));
}

/** frameDigest (spec §4): SHA-256 hex of the frame file's bytes. */
export function frameDigest(frameText: string): string {
  return sha256HexOfText(frameText);
}

/** Pool sorted by id in UTF-8 byte order, as the record and digest hold it (spec §6). */
export function sortPool(pool: readonly PoolEntry[]): PoolEntry[] {
  return [...pool].sort((a, b) => compareUtf8(a.id, b.id));
}

/** Unique pairs sorted by target, then inspector, in UTF-8 byte order (spec §6). */
export function normalisePairExclusions(pairs: readonly PairExclusion[]): PairExclusion[] {
  const sorted = [...pairs].sort(
    (a, b) => compareUtf8(a.target, b.target) || compareUtf8(a.inspector, b.inspector),
  );
  return sorted.filter((p, i) => {
    const q = sorted[i - 1];
    return q === undefined || q.target !== p.target || q.inspector !== p.inspector;
  });
}

/** poolDigest (spec §6): SHA-256 hex of the JCS of the pool sorted by id. */
export function poolDigest(pool: readonly PoolEntry[]): string {
  const entries: JsonValue[] = sortPool(pool).map((p) => ({
    id: p.id,
    department: p.department,
    unit: p.unit,
    capacity: p.capacity,
    fallback: p.fallback,
  }));
  return sha256HexOfText(canonicalJson(entries));
}

/** pairExclusionsDigest (spec §6): SHA-256 hex of the JCS of the unique sorted pairs. */
export function pairExclusionsDigest(pairs: readonly PairExclusion[]): string {
  const entries: JsonValue[] = normalisePairExclusions(pairs).map((p) => ({
    target: p.target,
    inspector: p.inspector,
  }));
  return sha256HexOfText(canonicalJson(entries));
}

/** The commitment object's JCS text (spec §6), from any object holding its fields. */
export function commitmentJcs(c: CommitmentObject): string {
  const obj: JsonValue = {
    spec: c.spec,
    drawId: c.drawId,
    taskId: c.taskId,
    strata: c.strata.map((s) => ({
      name: s.name,
      ratio: s.ratio,
      min: s.min,
      max: s.max,
      frameSize: s.frameSize,
      frameDigest: s.frameDigest,
      sampleSize: s.sampleSize,
    })),
    quota: { ...c.quota },
    jurisdictionRule: c.jurisdictionRule,
    poolDigest: c.poolDigest,
    pairExclusionsDigest: c.pairExclusionsDigest,
    seedSource: c.seedSource,
    seedPlan: c.seedPlan,
    committedAt: c.committedAt,
  };
  return canonicalJson(obj);
}

/** The commitment (spec §6): SHA-256 hex of the commitment object's JCS. */
export function commitmentDigest(c: CommitmentObject): string {
  return sha256HexOfText(commitmentJcs(c));
}
