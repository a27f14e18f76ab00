/**
 * The log's Ed25519 signing key (ssj-log/1 §6): generated with node:crypto at first start and
 * kept in a file outside the database (PKCS #8 PEM, mode 0600), so that a database superuser
 * cannot sign tree heads. Only the public key goes into the database and the well-known URL.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config';

/** A loaded signing key. */
export interface LogSigningKey {
  readonly keyId: string;
  /** Base64 of the 32 raw public-key bytes. */
  readonly publicKey: string;
  sign(message: Uint8Array): string;
}

/** The key file the configuration names. */
export function logKeyFile(config: Config): string {
  return config.SSJ_LOG_KEY_FILE ?? path.join(config.SSJ_DATA_DIR, 'ssj-log-key.pem');
}

/** Raw 32-byte Ed25519 public key of a key object (the last 32 bytes of its SPKI DER). */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** A node KeyObject for a base64 raw Ed25519 public key. */
export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  });
}

/** keyId: SHA-256 hex of the raw public key (§5). */
export function keyIdOf(rawPublic: Uint8Array): string {
  return createHash('sha256').update(rawPublic).digest('hex');
}

/** Wrap a private key object as a LogSigningKey. */
export function signingKeyFrom(privateKey: KeyObject): LogSigningKey {
  const raw = rawPublicKey(privateKey);
  return {
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64'),
    sign: (message) => sign(null, message, privateKey).toString('base64'),
  };
}

/** A fresh key that lives in memory only (tests). */
export function ephemeralSigningKey(): LogSigningKey {
  return signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
}

/** Load the key file, or generate it on first start. */
export function loadOrCreateSigningKey(file: string): { key: LogSigningKey; created: boolean } {
  if (existsSync(file)) {
    return { key: signingKeyFrom(createPrivateKey(readFileSync(file, 'utf8'))), created: false };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  return { key: signingKeyFrom(privateKey), created: true };
}

/**
 * Where a process takes its signing key from. A rotation (log-rotation.ts) replaces the key file;
 * a source over the file sees the new key at its next use, so a running server signs with it.
 */
export interface LogKeySource {
  current(): LogSigningKey;
}

/** A source over the key file (generated at first start), re-read whenever the file is replaced. */
export function fileKeySource(file: string): { source: LogKeySource; created: boolean; key: LogSigningKey } {
  const first = loadOrCreateSigningKey(file);
  const stamp = (): string => {
    const st = statSync(file, { throwIfNoEntry: false });
    return st === undefined ? '' : `${st.ino}:${st.mtimeMs}:${st.size}`;
  };
  let seen = stamp();
  let key = first.key;
  return {
    created: first.created,
    key,
    source: {
      current: () => {
        const now = stamp();
        if (now !== seen && now !== '') {
          key = signingKeyFrom(createPrivateKey(readFileSync(file, 'utf8')));
          seen = now;
        }
        return key;
      },
    },
  };
}
