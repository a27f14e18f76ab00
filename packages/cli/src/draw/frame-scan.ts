/**
 * Frame-file scanning for `ssj draw` (spec §4, §8): reads a byte range of a frame file in chunks,
 * checks each line against the previous one (sorted, unique, one form, no BOM/CR/empty line) in
 * O(1) memory, hashes the ids in batches and keeps the k best tickets in a bounded heap (spec §3).
 * Line numbers in issues are local to the range; the caller adds the lines of earlier ranges.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { sortKeyInto, TicketHeap, type FrameIssueCode } from '@openssj/core';
import type { LineHasher } from './line-hasher';

const CHUNK = 1 << 22;
const EMPTY = new Uint8Array(0);

/** Issue codes of the native scanChunk (packages/native/src/ssj_native.c). */
const NATIVE_ISSUES: Readonly<Record<number, readonly [FrameIssueCode, string]>> = {
  1: ['EMPTY_LINE', 'empty line'],
  2: ['CR', 'contains a carriage return (CR)'],
  3: ['EXTRA_TAB', 'more than one TAB'],
  4: ['BOM', 'the file starts with a byte-order mark'],
  5: ['EMPTY_ID', 'empty ID'],
  6: ['EMPTY_UNIT', 'empty UNIT after the TAB'],
  7: ['UNIT_MISSING', 'no UNIT, while the first line has one'],
  8: ['UNIT_UNEXPECTED', 'has a UNIT, while the first line has none'],
  9: ['DUPLICATE', 'duplicate id'],
  10: ['OUT_OF_ORDER', 'out of order: sorts before the line before, in UTF-8 byte order'],
};
const BATCH = 8192;

/** A broken §4 rule at a line (1-based, local to the range). */
export interface ScanIssue {
  readonly line: number;
  readonly code: FrameIssueCode;
  /** Without the line number, which the caller adds. */
  readonly message: string;
}

/** A kept id and its digest. */
export interface ScanEntry {
  readonly id: string;
  readonly digest: Uint8Array;
}

/** What one range yields. */
export interface ScanResult {
  readonly lines: number;
  readonly firstLine: Uint8Array | null;
  readonly firstIdLength: number;
  readonly lastLine: Uint8Array | null;
  readonly lastIdLength: number;
  readonly entries: ScanEntry[];
  readonly issue: ScanIssue | null;
}

/** A range to scan. `withUnits` is what the file's first line showed (spec §4: all lines alike). */
export interface ScanRequest {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly prefixHex64: string;
  readonly k: number;
  readonly withUnits: boolean;
}

/** Scan a range: checks, hashing and the bounded heap. */
export function scanRange(
  req: ScanRequest,
  hasher: LineHasher,
  onProgress?: (bytes: number) => void,
): ScanResult {
  hasher.setPrefix(req.prefixHex64);
  const heap = new TicketHeap(req.k);
  const key = new Float64Array(2);
  const starts = new Int32Array(BATCH);
  const idEnds = new Int32Array(BATCH);
  const digests = new Uint8Array(BATCH * 32);
  const kept = new Int32Array(BATCH);
  const res = new Int32Array(8);
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let prev: Buffer | null = null; // the previous line when it lies in an earlier chunk
  let prevIdLen = 0;
  let firstLine: Uint8Array | null = null;
  let firstIdLength = 0;
  let lines = 0;
  let carry = 0;
  let pos = req.start;
  let lastProgress = 0;
  const fd = openSync(req.path, 'r');
  const fail = (code: FrameIssueCode, line: number, message: string): ScanResult => ({
    lines,
    firstLine,
    firstIdLength,
    lastLine: prev,
    lastIdLength: prevIdLen,
    entries: [],
    issue: { line, code, message },
  });
  try {
    while (pos < req.end || carry > 0) {
      if (carry >= buf.length - CHUNK) {
        const bigger = Buffer.allocUnsafe(buf.length * 2); // a very long line
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const want = Math.min(CHUNK, req.end - pos);
      const got = want > 0 ? readSync(fd, buf, carry, want, pos) : 0;
      pos += got;
      const avail = carry + got;
      const view = buf.subarray(0, avail);
      if (got === 0) {
        // bytes after the last \n
        return fail('NO_FINAL_NEWLINE', lines + 1, 'the last line does not end in \\n');
      }
      let s = 0;
      if (hasher.scanChunk !== undefined) {
        // native: the whole per-line loop in C, in rounds until no complete line is left
        for (;;) {
          const before = lines;
          const bound = heap.worstKey();
          const flags =
            (req.withUnits ? 1 : 0) | (req.start === 0 && lines === 0 ? 2 : 0) | (prev !== null ? 4 : 0);
          hasher.scanChunk(
            view,
            s,
            avail,
            flags,
            prev ?? EMPTY,
            prevIdLen,
            bound?.[0] ?? Infinity,
            bound?.[1] ?? Infinity,
            digests,
            starts,
            idEnds,
            res,
          );
          const [
            consumed = 0,
            next = s,
            kept = 0,
            code = 0,
            issueLine = 0,
            lastS = -1,
            lastE = -1,
            lastId = -1,
          ] = res;
          if (firstLine === null && (consumed > 0 || code !== 0) && lines === 0) {
            const e = view.indexOf(10, s);
            const t = view.subarray(s, e).indexOf(9);
            firstLine = Buffer.from(view.subarray(s, e));
            firstIdLength = t >= 0 ? t : e - s;
          }
          for (let j = 0; j < kept; j++) {
            sortKeyInto(digests, j * 32, key);
            const k1 = key[0] ?? 0;
            const k2 = key[1] ?? 0;
            if (heap.accepts(k1, k2)) {
              heap.offer({
                k1,
                k2,
                id: view.toString('utf8', starts[j] ?? 0, idEnds[j] ?? 0),
                digest: digests.slice(j * 32, j * 32 + 32),
              });
            }
          }
          lines += consumed;
          if (lastS >= 0) {
            prev = Buffer.from(view.subarray(lastS, lastE));
            prevIdLen = lastId - lastS;
          }
          if (code !== 0) {
            const [issueCode, message] = NATIVE_ISSUES[code] ?? ['OUT_OF_ORDER', 'unknown issue'];
            const at = before + issueLine;
            const dupId =
              issueCode === 'DUPLICATE'
                ? ` ${view.toString('utf8', next, view.indexOf(10, next)).split('\t')[0] ?? ''}`
                : '';
            return fail(
              issueCode,
              at,
              issueCode === 'DUPLICATE' ? `duplicate id${dupId} (same as the line before)` : message,
            );
          }
          s = next;
          if (kept < BATCH) {
            break;
          }
        }
      } else {
        let n = 0;
        let prevS = -1;
        let prevE = 0;
        let prevIdE = 0;
        for (;;) {
          const nl = view.indexOf(10, s);
          if (nl < 0) {
            break;
          }
          lines++;
          if (nl === s) {
            return fail('EMPTY_LINE', lines, 'empty line');
          }
          let tab = -1;
          for (let i = s; i < nl; i++) {
            const c = view[i];
            if (c === 13) {
              return fail('CR', lines, 'contains a carriage return (CR)');
            }
            if (c === 9) {
              if (tab >= 0) {
                return fail('EXTRA_TAB', lines, 'more than one TAB');
              }
              tab = i;
            }
          }
          if (
            lines === 1 &&
            req.start === 0 &&
            view[s] === 0xef &&
            view[s + 1] === 0xbb &&
            view[s + 2] === 0xbf
          ) {
            return fail('BOM', lines, 'the file starts with a byte-order mark');
          }
          const idE = tab >= 0 ? tab : nl;
          if (idE === s) {
            return fail('EMPTY_ID', lines, 'empty ID');
          }
          if (tab === nl - 1) {
            return fail('EMPTY_UNIT', lines, 'empty UNIT after the TAB');
          }
          if (req.withUnits !== tab >= 0) {
            return req.withUnits
              ? fail('UNIT_MISSING', lines, 'no UNIT, while the first line has one')
              : fail('UNIT_UNEXPECTED', lines, 'has a UNIT, while the first line has none');
          }
          // spec §4: sorted by UTF-8 bytes, ids unique (duplicates of an id are always adjacent)
          if (prevS >= 0) {
            if (prevIdE - prevS === idE - s && view.compare(view, s, idE, prevS, prevIdE) === 0) {
              return fail(
                'DUPLICATE',
                lines,
                `duplicate id ${view.toString('utf8', s, idE)} (same as the line before)`,
              );
            }
            if (view.compare(view, s, nl, prevS, prevE) > 0) {
              return fail(
                'OUT_OF_ORDER',
                lines,
                'out of order: sorts before the line before, in UTF-8 byte order',
              );
            }
          } else if (prev !== null) {
            if (prevIdLen === idE - s && prev.compare(view, s, idE, 0, prevIdLen) === 0) {
              return fail(
                'DUPLICATE',
                lines,
                `duplicate id ${view.toString('utf8', s, idE)} (same as the line before)`,
              );
            }
            if (prev.compare(view, s, nl) > 0) {
              return fail(
                'OUT_OF_ORDER',
                lines,
                'out of order: sorts before the line before, in UTF-8 byte order',
              );
            }
          } else {
            firstLine = Buffer.from(view.subarray(s, nl));
            firstIdLength = idE - s;
          }
          prevS = s;
          prevE = nl;
          prevIdE = idE;
          starts[n] = s;
          idEnds[n] = idE;
          n++;
          if (n === BATCH) {
            offer(view, n);
            n = 0;
          }
          s = nl + 1;
        }
        offer(view, n);
        if (prevS >= 0) {
          prev = Buffer.from(view.subarray(prevS, prevE));
          prevIdLen = prevIdE - prevS;
        }
      }
      carry = avail - s;
      if (carry > 0) {
        buf.copy(buf, 0, s, avail);
      }
      if (onProgress !== undefined && pos - lastProgress >= 1 << 26) {
        onProgress(pos - lastProgress);
        lastProgress = pos;
      }
    }
  } finally {
    closeSync(fd);
  }
  onProgress?.(pos - lastProgress);
  return {
    lines,
    firstLine,
    firstIdLength,
    lastLine: prev,
    lastIdLength: prevIdLen,
    entries: heap.sorted().map((e) => ({ id: e.id, digest: e.digest })),
    issue: null,
  };

  function offer(view: Buffer, n: number): void {
    if (n === 0 || req.k <= 0) {
      return;
    }
    if (hasher.filterLines !== undefined) {
      // native: hash and pre-filter by the heap's current bound in one call
      const bound = heap.worstKey();
      const m = hasher.filterLines(
        view,
        starts,
        idEnds,
        n,
        bound?.[0] ?? Infinity,
        bound?.[1] ?? Infinity,
        digests,
        kept,
      );
      for (let j = 0; j < m; j++) {
        const i = kept[j] ?? 0;
        sortKeyInto(digests, j * 32, key);
        const k1 = key[0] ?? 0;
        const k2 = key[1] ?? 0;
        if (heap.accepts(k1, k2)) {
          heap.offer({
            k1,
            k2,
            id: view.toString('utf8', starts[i] ?? 0, idEnds[i] ?? 0),
            digest: digests.slice(j * 32, j * 32 + 32),
          });
        }
      }
      return;
    }
    hasher.hashLines(view, starts, idEnds, n, digests);
    for (let i = 0; i < n; i++) {
      sortKeyInto(digests, i * 32, key);
      const k1 = key[0] ?? 0;
      const k2 = key[1] ?? 0;
      if (heap.accepts(k1, k2)) {
        heap.offer({
          k1,
          k2,
          id: view.toString('utf8', starts[i] ?? 0, idEnds[i] ?? 0),
          digest: digests.slice(i * 32, i * 32 + 32),
        });
      }
    }
  }
}

/** Count the lines (\n bytes) of a range, for `--ratio` (k depends on |F|, spec §3). */
export function countLines(path: string, start: number, end: number): number {
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, 'r');
  let count = 0;
  try {
    for (let pos = start; pos < end;) {
      const got = readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
      if (got === 0) {
        break;
      }
      pos += got;
      const view = got === buf.length ? buf : buf.subarray(0, got);
      for (let i = view.indexOf(10); i >= 0; i = view.indexOf(10, i + 1)) {
        count++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return count;
}
