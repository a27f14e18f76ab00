/**
 * JCS (RFC 8785) canonical JSON for the commitment and digests (spec §6). The draw's data is
 * strings, integers, booleans, null, arrays and objects. RFC 8785 serialises strings and numbers
 * as ECMAScript's JSON.stringify does, and sorts object keys by UTF-16 code units.
 */

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The RFC 8785 canonical JSON text of a value. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error('JCS: non-finite number'); // a bug: the draw's numbers are integers
    }
    return JSON.stringify(value); // RFC 8785 §3.2.2.3: ECMAScript Number serialisation
  }
  if (isArray(value)) {
    return '[' + value.map(canonicalJson).join(',') + ']';
  }
  // RFC 8785 §3.2.3: keys sorted by UTF-16 code units, which is JS string order
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const k of keys) {
    const v = value[k];
    if (v !== undefined) {
      parts.push(JSON.stringify(k) + ':' + canonicalJson(v));
    }
  }
  return '{' + parts.join(',') + '}';
}

function isArray(v: JsonValue): v is readonly JsonValue[] {
  return Array.isArray(v);
}
