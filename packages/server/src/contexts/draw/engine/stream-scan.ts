/**
 * A frame streamed in chunks (COPY out of the database) through the draw engine's line scanner,
 * the one `ssj draw` runs (native, with the JS reference as fallback): the §4 checks, the frame's
 * size and SHA-256 digest, and the k best tickets (spec §2–§4), in memory bounded by k and the
 * longest line, never by the frame.
 */
import { createHash } from 'node:crypto';
import { hashHex, type Pick } from '@openssj/core';
import { createLineScanner, type ScannerChoice } from './line-scanner';
import type { ScanIssue } from './scan-contract';

/** What a scan yields. */
export interface FrameScan {
  readonly lines: number;
  /** Lowercase hex SHA-256 of every byte (spec §6 frameDigest). */
  readonly digest: string;
  /** The k smallest tickets, ascending (empty without a seed). */
  readonly picks: Pick[];
  /** Which scanner ran: native or js. */
  readonly scanner: string;
}

export interface StreamScanOptions {
  /** The draw's seed, or null to check and digest only (freeze and commit). */
  readonly seed: string | null;
  readonly k: number;
  /** Every line has a UNIT (jurisdiction rule) or none has (spec §4); null: the first line decides. */
  readonly withUnits: boolean | null;
  /** Which scanner: auto (native when the addon is built, else the JS reference) by default. */
  readonly scanner?: ScannerChoice;
  /** Called with the lines scanned so far, after each chunk. */
  readonly onLines?: (lines: number) => void;
}

function picksOf(text: Uint8Array): Pick[] {
  const s = Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  const out: Pick[] = [];
  for (const line of s.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) {
      out.push({ ticket: line.slice(0, sp), id: line.slice(sp + 1) });
    }
  }
  return out;
}

/** Scan a frame given as chunks of bytes; the first §4 issue, or the scan. */
export async function scanFrameStream(
  chunks: AsyncIterable<Uint8Array>,
  opts: StreamScanOptions,
): Promise<{ ok: true; value: FrameScan } | { ok: false; issue: ScanIssue }> {
  const draws = opts.seed !== null && opts.k > 0;
  const scanner = createLineScanner(opts.scanner ?? 'auto', {
    prefixHex64: draws && opts.seed !== null ? hashHex(opts.seed) : '0'.repeat(64),
    k: draws ? opts.k : 0,
    withUnits: opts.withUnits,
    fileStart: true,
  });
  if (scanner === null) {
    throw new Error('the native scanner was asked for and is not built');
  }
  const hash = createHash('sha256');
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    hash.update(chunk);
    const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    const r = scanner.feed(data, 0, data.length);
    if (r.issue !== null) {
      return { ok: false, issue: r.issue };
    }
    carry = Buffer.from(data.subarray(r.next));
    opts.onLines?.(scanner.edges().lines);
  }
  if (carry.length > 0) {
    const line = scanner.edges().lines + 1;
    return {
      ok: false,
      issue: { line, code: 'NO_FINAL_NEWLINE', message: 'the last line does not end in \\n' },
    };
  }
  return {
    ok: true,
    value: {
      lines: scanner.edges().lines,
      digest: hash.digest('hex'),
      picks: draws ? picksOf(scanner.textWinners()) : [],
      scanner: scanner.name,
    },
  };
}
