/**
 * The LineScanner contract (spec §2–§4) and its issue codes, shared by the native scanner
 * (line-scanner.ts) and the JS reference (js-line-scanner.ts) without either importing the other.
 */
import type { FrameIssueCode } from '@openssj/core';

/** How a scanner starts. */
export interface ScannerOptions {
  readonly prefixHex64: string;
  readonly k: number;
  /** true/false: every line has a UNIT / none has; null: the first line decides (streams). */
  readonly withUnits: boolean | null;
  /** The data starts at the beginning of the frame (the BOM check applies to line 1). */
  readonly fileStart: boolean;
}

/** A broken §4 rule at a line (1-based, counted over everything fed to the scanner). */
export interface ScanIssue {
  readonly line: number;
  readonly code: FrameIssueCode;
  readonly message: string;
}

/** The first and last lines seen (for checks where parallel ranges meet) and the line count. */
export interface ScanEdges {
  readonly firstLine: Uint8Array | null;
  readonly firstIdLength: number;
  readonly lastLine: Uint8Array | null;
  readonly lastIdLength: number;
  readonly lines: number;
}

export interface LineScanner {
  readonly name: string;
  /** Check and draw the complete lines of buf[from, to): the offset after them, or the first issue. */
  feed(buf: Uint8Array, from: number, to: number): { next: number; issue: ScanIssue | null };
  edges(): ScanEdges;
  /** Kept entries in ascending ticket order as packed records: u32le id length, 32 digest bytes, id. */
  packedWinners(): Uint8Array;
  /** Offer packed records (from packedWinners of other ranges). */
  offerPacked(packed: Uint8Array): void;
  /** Kept entries in ascending ticket order as `TICKET ID\n` lines (spec §8 output). */
  textWinners(): Uint8Array;
}

/** Issue codes shared with scanner.c, and their messages (without the line number). */
export const SCAN_ISSUES: readonly (readonly [FrameIssueCode, string])[] = [
  ['EMPTY_LINE', 'no issue'],
  ['EMPTY_LINE', 'empty line'],
  ['CR', 'contains a carriage return (CR)'],
  ['EXTRA_TAB', 'more than one TAB'],
  ['BOM', 'the file starts with a byte-order mark'],
  ['EMPTY_ID', 'empty ID'],
  ['EMPTY_UNIT', 'empty UNIT after the TAB'],
  ['UNIT_MISSING', 'no UNIT, while the first line has one'],
  ['UNIT_UNEXPECTED', 'has a UNIT, while the first line has none'],
  ['DUPLICATE', 'duplicate id'],
  ['OUT_OF_ORDER', 'out of order: sorts before the line before, in UTF-8 byte order'],
  ['INVALID_UTF8', 'not valid UTF-8'],
];

/** The issue for code `code` at `line`, whose bytes start at buf[at]. */
export function scanIssue(code: number, line: number, buf: Uint8Array, at: number): ScanIssue {
  const [c, message] = SCAN_ISSUES[code] ?? ['OUT_OF_ORDER', 'unknown issue'];
  if (c === 'DUPLICATE') {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const nl = b.indexOf(10, at);
    const id = b.toString('utf8', at, nl < 0 ? b.length : nl).split('\t')[0] ?? '';
    return { line, code: c, message: `duplicate id ${id} (same as the line before)` };
  }
  return { line, code: c, message };
}
