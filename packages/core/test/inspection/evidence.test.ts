/** Evidence hashes (issue 15): the pure hash agrees with node:crypto and the known SHA-256 vectors. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceSha256, isEvidenceSha256 } from '../../src/inspection/evidence';

describe('evidenceSha256', () => {
  it('hashes the empty input and "abc" to the FIPS 180-2 values', () => {
    expect(evidenceSha256(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(evidenceSha256(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('agrees with node:crypto on any bytes, and one changed byte changes the hash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.nat(), (bytes, at) => {
        const h = evidenceSha256(bytes);
        expect(h).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(isEvidenceSha256(h)).toBe(true);
        const tampered = Uint8Array.from(bytes);
        const i = at % tampered.length;
        tampered[i] = (tampered[i] ?? 0) ^ 1;
        expect(evidenceSha256(tampered)).not.toBe(h);
      }),
      { numRuns: 50 },
    );
  });

  it('accepts only 64 lower-case hex digits as a recorded hash', () => {
    expect(isEvidenceSha256('A'.repeat(64))).toBe(false);
    expect(isEvidenceSha256('a'.repeat(63))).toBe(false);
    expect(isEvidenceSha256('a'.repeat(64))).toBe(true);
  });
});
