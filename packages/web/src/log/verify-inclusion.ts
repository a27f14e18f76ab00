/**
 * The portal's 验证收录 check, run in the browser with WebCrypto (ssj-log/1 §2, §5): each entry's
 * leaf hash SHA-256(0x00 ‖ entry), its RFC 9162 §2.1.3.2 audit path up to the signed root, and
 * the tree head's Ed25519 signature with the key from /.well-known/ssj-log-key.
 */
import { fromHex, toHex, treeHeadSignedText, type SignedTreeHead } from '@openssj/core';

async function sha256(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const buf = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    buf.set(p, o);
    o += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** RFC 9162 §2.1.3.2 with WebCrypto: the root an inclusion path leads to, or null. */
export async function rootFromPath(
  index: number,
  size: number,
  entryText: string,
  path: readonly string[],
): Promise<string | null> {
  if (index < 0 || index >= size) {
    return null;
  }
  let r = await sha256([LEAF, new TextEncoder().encode(entryText)]);
  let fn = index;
  let sn = size - 1;
  for (const hex of path) {
    const p = fromHex(hex);
    if (p === null || p.length !== 32 || sn === 0) {
      return null;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256([NODE, p, r]);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await sha256([NODE, r, p]);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? toHex(r) : null;
}

/** The Ed25519 signature check; null when this browser has no Ed25519 in WebCrypto. */
export async function headSignatureValid(
  sth: SignedTreeHead,
  publicKeyBase64: string,
): Promise<boolean | null> {
  let key: CryptoKey;
  try {
    const raw = Uint8Array.from(atob(publicKeyBase64), (c) => c.charCodeAt(0));
    key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  const sig = Uint8Array.from(atob(sth.signature), (c) => c.charCodeAt(0));
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    sig,
    new TextEncoder().encode(treeHeadSignedText(sth)),
  );
}
