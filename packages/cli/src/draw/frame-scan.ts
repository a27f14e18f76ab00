/**
 * Frame reading for `ssj draw` (spec §4, §8): a byte range of a seekable file, or a stream (stdin,
 * a named pipe, `<(…)`), fed in chunks of complete lines to a LineScanner, which does the §4 checks
 * in O(1) memory and keeps the k best tickets (spec §3). A line longer than a chunk grows the
 * buffer. Line numbers count from the start of what one scanner saw; ranges add earlier ranges'.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  createLineScanner,
  type LineScanner,
  type ScanEdges,
  type ScanIssue,
  type ScannerChoice,
} from '@openssj/server/draw-engine';

const CHUNK = 1 << 22;

/** What one range or stream yields. */
export interface ScanResult extends ScanEdges {
  /** Winners as packed records (see LineScanner.packedWinners); empty when there is an issue. */
  readonly packed: Uint8Array;
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

/** Reads `want` bytes (or fewer at the end) into buf at `at`: positional for files, sequential for streams. */
type Reader = (buf: Buffer, at: number, want: number) => number;

/** Feed everything `read` yields to `scanner`; the issue, or null at a clean end of input. */
function pump(scanner: LineScanner, read: Reader, onProgress?: (bytes: number) => void): ScanIssue | null {
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let carry = 0;
  let sinceProgress = 0;
  for (;;) {
    if (carry >= buf.length - CHUNK) {
      const bigger = Buffer.allocUnsafe(buf.length * 2); // a very long line
      buf.copy(bigger, 0, 0, carry);
      buf = bigger;
    }
    const got = read(buf, carry, CHUNK);
    if (got === 0) {
      if (carry > 0) {
        const line = scanner.edges().lines + 1;
        return { line, code: 'NO_FINAL_NEWLINE', message: 'the last line does not end in \\n' };
      }
      onProgress?.(sinceProgress);
      return null;
    }
    const avail = carry + got;
    const r = scanner.feed(buf, 0, avail);
    if (r.issue !== null) {
      return r.issue;
    }
    carry = avail - r.next;
    if (carry > 0) {
      buf.copy(buf, 0, r.next, avail);
    }
    sinceProgress += got;
    if (onProgress !== undefined && sinceProgress >= 1 << 26) {
      onProgress(sinceProgress);
      sinceProgress = 0;
    }
  }
}

function finish(scanner: LineScanner, issue: ScanIssue | null): ScanResult {
  return { ...scanner.edges(), packed: issue === null ? scanner.packedWinners() : new Uint8Array(0), issue };
}

/** Scan a byte range of a seekable frame file. */
export function scanRange(
  req: ScanRequest,
  choice: ScannerChoice,
  onProgress?: (bytes: number) => void,
): ScanResult {
  const scanner = createLineScanner(choice, {
    prefixHex64: req.prefixHex64,
    k: req.k,
    withUnits: req.withUnits,
    fileStart: req.start === 0,
  });
  if (scanner === null) {
    throw new Error('the native scanner is not built');
  }
  const fd = openSync(req.path, 'r');
  let pos = req.start;
  try {
    const issue = pump(
      scanner,
      (buf, at, want) => {
        const n = Math.min(want, req.end - pos);
        const got = n > 0 ? readSync(fd, buf, at, n, pos) : 0;
        pos += got;
        return got;
      },
      onProgress,
    );
    return finish(scanner, issue);
  } finally {
    closeSync(fd);
  }
}

/** Read from a stream's fd, blocking; retries while a non-blocking fd has nothing yet. */
export function streamReader(fd: number): Reader {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return (buf, at, want) => {
    for (;;) {
      try {
        return readSync(fd, buf, at, want, null);
      } catch (e) {
        if (e instanceof Error && 'code' in e && e.code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 2);
          continue;
        }
        if (e instanceof Error && 'code' in e && e.code === 'EOF') {
          return 0;
        }
        throw e;
      }
    }
  };
}

/** Scan a whole stream (stdin, a FIFO): one scanner, the first line decides whether units are present. */
export function scanStream(
  fd: number,
  prefixHex64: string,
  k: number,
  choice: ScannerChoice,
  onProgress?: (bytes: number) => void,
): { readonly issue: ScanIssue | null; readonly lines: number; readonly scanner: LineScanner } {
  const scanner = createLineScanner(choice, { prefixHex64, k, withUnits: null, fileStart: true });
  if (scanner === null) {
    throw new Error('the native scanner is not built');
  }
  const issue = pump(scanner, streamReader(fd), onProgress);
  return { issue, lines: scanner.edges().lines, scanner };
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
