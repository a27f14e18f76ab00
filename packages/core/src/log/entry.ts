/**
 * Log entries and signed tree heads of ssj-log/1 (docs/ssj-log-v1.md §3–§5): the entry kinds
 * as zod schemas, an entry's bytes (the UTF-8 of its JCS), its leaf hash, and the exact text
 * an Ed25519 tree-head signature covers. Signing and signature checks live in the hosts
 * (node:crypto, WebCrypto); core has no key material.
 */
import { z } from 'zod';
import { commitmentObjectSchema } from '../draw/record.schema';
import { canonicalJson, type JsonValue } from '../draw/jcs';
import { utf8Encode } from '../draw/utf8';
import { nobleMerkleHasher, type MerkleHasher } from './merkle';

export const LOG_SPEC = 'ssj-log/1' as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
const id = z.string().min(1).max(200);
const at = z.string().min(1).max(40);
const base = { log: z.literal(LOG_SPEC), at };

/** §3.1 a draw's commitment, published before the seed exists. */
export const commitmentEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('commitment'),
  drawId: id,
  taskId: id,
  commitment: hex64,
  commitmentObject: commitmentObjectSchema,
  supersedes: id.nullable(),
});
/** §3.2 the seed, revealed after the commitment. */
export const seedEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('seed'),
  drawId: id,
  taskId: id,
  commitment: hex64,
  seed: z.string().min(1).max(500),
});
/** §3.3 the draw record, by its digest (SHA-256 hex of the record's JCS). */
export const drawEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('draw'),
  drawId: id,
  taskId: id,
  commitment: hex64,
  recordDigest: hex64,
  selected: z.number().int().min(0),
  supersedes: id.nullable(),
});
/** §3.4 an abandoned draw and its reason. */
export const abandonEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('abandon'),
  drawId: id,
  taskId: id,
  commitment: hex64.nullable(),
  reason: z.string().min(1).max(1000),
});
/** §3.5 inspection results made public. */
export const resultEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('result'),
  taskId: id,
  inspections: z.array(id),
  /** The SHA-256 of every photo of those inspections, sorted by inspection then photo (issue 15; absent in earlier entries). */
  evidence: z.array(z.strictObject({ inspection: id, photo: id, sha256: hex64 })).optional(),
});
/** §3.6 an annual plan made public. */
export const planEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('plan'),
  planId: id,
  departmentCode: id,
  year: z.number().int(),
});
/** §3.7 an audit-chain checkpoint: the chain head and every row hash since the last one. */
export const checkpointEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('checkpoint'),
  fromSeq: z.number().int().min(1),
  seq: z.number().int().min(0),
  hash: hex64,
  rowHashes: z.array(hex64),
});
/** §6 a new signing key, announced in the log before it signs. */
export const keyEntrySchema = z.strictObject({
  ...base,
  kind: z.literal('key'),
  keyId: hex64,
  publicKey: z.string().min(1).max(200),
  previousKeyId: hex64.nullable(),
});

/** Any ssj-log/1 entry. */
export const logEntrySchema = z.discriminatedUnion('kind', [
  commitmentEntrySchema,
  seedEntrySchema,
  drawEntrySchema,
  abandonEntrySchema,
  resultEntrySchema,
  planEntrySchema,
  checkpointEntrySchema,
  keyEntrySchema,
]);
export type LogEntry = z.infer<typeof logEntrySchema>;
export type LogEntryKind = LogEntry['kind'];
export type CheckpointEntry = z.infer<typeof checkpointEntrySchema>;

/** §3: the bytes a leaf hashes, the UTF-8 of the entry's JCS. */
export function entryBytes(entry: LogEntry): Uint8Array {
  return utf8Encode(entryText(entry));
}

/** §3: the JCS text of an entry. */
export function entryText(entry: LogEntry): string {
  return canonicalJson(toJson(entry));
}

/** §2: the leaf hash of an entry, SHA-256(0x00 ‖ JCS(entry)). */
export function entryLeafHash(entry: LogEntry, h: MerkleHasher = nobleMerkleHasher): Uint8Array {
  return h.hashLeaf(entryBytes(entry));
}

const jsonSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

function toJson(v: unknown): JsonValue {
  return jsonSchema.parse(v);
}

/** §5 a signed tree head as published. */
export const signedTreeHeadSchema = z.strictObject({
  log: z.literal(LOG_SPEC),
  treeSize: z.number().int().min(0),
  timestamp: z.number().int().min(0),
  rootHash: hex64,
  keyId: hex64,
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64'),
});
export type SignedTreeHead = z.infer<typeof signedTreeHeadSchema>;

/** §5: the exact text the Ed25519 signature covers (JCS of the head without its signature). */
export function treeHeadSignedText(sth: Omit<SignedTreeHead, 'signature'>): string {
  return canonicalJson({
    log: sth.log,
    treeSize: sth.treeSize,
    timestamp: sth.timestamp,
    rootHash: sth.rootHash,
    keyId: sth.keyId,
  });
}

/** §5: the bytes the signature covers. */
export function treeHeadSignedBytes(sth: Omit<SignedTreeHead, 'signature'>): Uint8Array {
  return utf8Encode(treeHeadSignedText(sth));
}

/** §6 the published key document (the well-known URL). */
export const logKeySchema = z.strictObject({
  keyId: hex64,
  algorithm: z.literal('Ed25519'),
  /** Base64 of the 32-byte raw Ed25519 public key. */
  publicKey: z.string().min(1).max(200),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const logKeysDocumentSchema = z.strictObject({
  log: z.literal(LOG_SPEC),
  keys: z.array(logKeySchema),
});
export type LogKey = z.infer<typeof logKeySchema>;
export type LogKeysDocument = z.infer<typeof logKeysDocumentSchema>;
