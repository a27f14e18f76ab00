/**
 * Reading what a member of the public saved (ssj-log/1 §8): a signed tree head file (the head,
 * optionally with its `publicKey` and the `source` URL beside it), a key document from
 * /.well-known/ssj-log-key, and an entry receipt (an entry with its inclusion path). Signature
 * checks use node:crypto; Merkle checks use core alone.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  entryText,
  logEntrySchema,
  logKeysDocumentSchema,
  signedTreeHeadSchema,
  treeHeadSignedBytes,
  type SignedTreeHead,
} from '@openssj/core';
import { z } from 'zod';

/** A saved head, with the key and origin the file may carry. */
export interface SavedHead {
  readonly sth: SignedTreeHead;
  readonly publicKey: string | null;
  readonly source: string | null;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

function readJson(path: string): Read<unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `${path} is not JSON` };
  }
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

const savedHeadSchema = z.looseObject({ publicKey: z.string().optional(), source: z.string().optional() });

/** Parse a saved head object (the API's head, plus optional `publicKey` and `source`). */
export function parseSavedHead(value: unknown, where: string): Read<SavedHead> {
  const extra = savedHeadSchema.safeParse(value);
  if (!extra.success) {
    return { ok: false, message: `${where}: not a tree head object` };
  }
  const { publicKey, source, ...rest } = extra.data;
  const sth = signedTreeHeadSchema.safeParse(rest);
  if (!sth.success) {
    return { ok: false, message: `${where}: not an ssj-log/1 signed tree head (${issues(sth.error)})` };
  }
  return { ok: true, value: { sth: sth.data, publicKey: publicKey ?? null, source: source ?? null } };
}

/** Read a saved head file. */
export function readSavedHead(path: string): Read<SavedHead> {
  const j = readJson(path);
  return j.ok ? parseSavedHead(j.value, path) : j;
}

/** Read a key document (or a bare base64 key in a text file); returns keyId → base64 key. */
export function readKeyFile(path: string): Read<Map<string, string>> {
  const j = readJson(path);
  if (!j.ok) {
    try {
      const raw = readFileSync(path, 'utf8').trim();
      return { ok: true, value: new Map([[keyIdOf(raw), raw]]) };
    } catch {
      return j;
    }
  }
  const doc = logKeysDocumentSchema.safeParse(j.value);
  if (!doc.success) {
    return { ok: false, message: `${path}: not an ssj-log/1 key document (${issues(doc.error)})` };
  }
  return { ok: true, value: new Map(doc.data.keys.map((k) => [k.keyId, k.publicKey])) };
}

/** keyId of a base64 raw Ed25519 public key (§5). */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

/** True when the head's Ed25519 signature verifies with this base64 raw key (and keyId matches). */
export function headSignatureValid(sth: SignedTreeHead, publicKeyBase64: string): boolean {
  if (keyIdOf(publicKeyBase64) !== sth.keyId) {
    return false;
  }
  try {
    const key = createPublicKey({
      key: Buffer.concat([
        Buffer.from('302a300506032b6570032100', 'hex'),
        Buffer.from(publicKeyBase64, 'base64'),
      ]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, treeHeadSignedBytes(sth), key, Buffer.from(sth.signature, 'base64'));
  } catch {
    return false;
  }
}

/** An entry receipt: the entry (JCS text or object), its index and inclusion path. */
export interface Receipt {
  readonly text: string;
  readonly leafIndex: number;
  readonly inclusionPath: readonly string[];
  readonly treeSize: number | null;
}

const receiptSchema = z.object({
  entry: z.union([z.string(), z.record(z.string(), z.unknown())]),
  leafIndex: z.number().int().min(0),
  inclusionPath: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  treeSize: z.number().int().min(1).optional(),
});

/** Read an entry receipt file (one item of /api/public/log/draws/{id}, or the same with an entry object). */
export function readReceipt(path: string): Read<Receipt> {
  const j = readJson(path);
  if (!j.ok) {
    return j;
  }
  const r = receiptSchema.safeParse(j.value);
  if (!r.success) {
    return { ok: false, message: `${path}: not an entry receipt (${issues(r.error)})` };
  }
  let text: string;
  if (typeof r.data.entry === 'string') {
    text = r.data.entry;
  } else {
    const e = logEntrySchema.safeParse(r.data.entry);
    if (!e.success) {
      return { ok: false, message: `${path}: entry is not an ssj-log/1 entry (${issues(e.error)})` };
    }
    text = entryText(e.data);
  }
  return {
    ok: true,
    value: {
      text,
      leafIndex: r.data.leafIndex,
      inclusionPath: r.data.inclusionPath,
      treeSize: r.data.treeSize ?? null,
    },
  };
}
