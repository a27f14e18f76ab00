/**
 * The JS reference LineScanner (spec §2–§4): the same rules, in the same order, as the native
 * scanner (packages/native/src/scanner.c), with the JS midstate SHA-256 and core's TicketHeap.
 * Used when the addon is not built, and by the tests that hold the native scanner to it.
 */
import { isUtf8 } from 'node:buffer';
import { entryTicket, sortKeyInto, TicketHeap } from '@openssj/core';
import { scanIssue, type LineScanner, type ScanEdges, type ScannerOptions } from './scan-contract';
import { MidstateSha256 } from './sha256-block';

/** Issue codes as in scanner.c (index into SCAN_ISSUES). */
const C = {
  EMPTY_LINE: 1,
  CR: 2,
  EXTRA_TAB: 3,
  BOM: 4,
  EMPTY_ID: 5,
  EMPTY_UNIT: 6,
  UNIT_MISSING: 7,
  UNIT_UNEXPECTED: 8,
  DUPLICATE: 9,
  OUT_OF_ORDER: 10,
  INVALID_UTF8: 11,
} as const;

/** The JS reference scanner. */
export function jsLineScanner(opts: ScannerOptions): LineScanner {
  const sha = new MidstateSha256();
  sha.setPrefix(opts.prefixHex64);
  const heap = new TicketHeap(opts.k);
  const digest = new Uint8Array(32);
  const key = new Float64Array(2);
  let withUnits = opts.withUnits;
  let lines = 0;
  let prev: Buffer | null = null;
  let prevIdLen = 0;
  let first: Buffer | null = null;
  let firstIdLen = 0;

  function lineIssue(view: Buffer, s: number, nl: number): { code: number; idE: number } {
    if (nl === s) {
      return { code: C.EMPTY_LINE, idE: s };
    }
    let tab = -1;
    let high = false;
    for (let i = s; i < nl; i++) {
      const c = view[i] ?? 0;
      if (c === 13) {
        return { code: C.CR, idE: s };
      }
      if (c === 9) {
        if (tab >= 0) {
          return { code: C.EXTRA_TAB, idE: s };
        }
        tab = i;
      }
      high ||= c >= 0x80;
    }
    if (lines === 1 && opts.fileStart && view[s] === 0xef && view[s + 1] === 0xbb && view[s + 2] === 0xbf) {
      return { code: C.BOM, idE: s };
    }
    if (high && !isUtf8(view.subarray(s, nl))) {
      return { code: C.INVALID_UTF8, idE: s };
    }
    const idE = tab >= 0 ? tab : nl;
    if (idE === s) {
      return { code: C.EMPTY_ID, idE };
    }
    if (tab === nl - 1) {
      return { code: C.EMPTY_UNIT, idE };
    }
    withUnits ??= tab >= 0;
    if (withUnits !== tab >= 0) {
      return { code: withUnits ? C.UNIT_MISSING : C.UNIT_UNEXPECTED, idE };
    }
    return { code: 0, idE };
  }

  return {
    name: 'js',
    feed(buf, from, to) {
      const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      let s = from;
      let prevS = -1;
      let prevE = 0;
      let prevIdE = 0;
      const keepPrev = (): void => {
        if (prevS >= 0) {
          prev = Buffer.from(view.subarray(prevS, prevE));
          prevIdLen = prevIdE - prevS;
        }
      };
      for (;;) {
        const nl = view.indexOf(10, s);
        if (nl < 0 || nl >= to) {
          break;
        }
        lines++;
        const { code, idE } = lineIssue(view, s, nl);
        let fail = code;
        if (fail === 0) {
          if (prevS >= 0) {
            // the previous line is in this buffer: compare in place, no copy
            if (prevIdE - prevS === idE - s && view.compare(view, s, idE, prevS, prevIdE) === 0) {
              fail = C.DUPLICATE;
            } else if (view.compare(view, s, nl, prevS, prevE) > 0) {
              fail = C.OUT_OF_ORDER;
            }
          } else if (prev !== null) {
            if (prevIdLen === idE - s && prev.compare(view, s, idE, 0, prevIdLen) === 0) {
              fail = C.DUPLICATE;
            } else if (prev.compare(view, s, nl) > 0) {
              fail = C.OUT_OF_ORDER;
            }
          } else if (first === null) {
            first = Buffer.from(view.subarray(s, nl));
            firstIdLen = idE - s;
          }
        }
        if (fail !== 0) {
          keepPrev();
          return { next: s, issue: scanIssue(fail, lines, view, s) };
        }
        if (opts.k > 0) {
          sha.hashInto(view, s, idE, digest, 0);
          sortKeyInto(digest, 0, key);
          const k1 = key[0] ?? 0;
          const k2 = key[1] ?? 0;
          if (heap.accepts(k1, k2)) {
            heap.offer({ k1, k2, id: view.toString('utf8', s, idE), digest: digest.slice() });
          }
        }
        prevS = s;
        prevE = nl;
        prevIdE = idE;
        s = nl + 1;
      }
      keepPrev();
      return { next: s, issue: null };
    },
    edges(): ScanEdges {
      return {
        firstLine: first,
        firstIdLength: firstIdLen,
        lastLine: prev,
        lastIdLength: prevIdLen,
        lines,
      };
    },
    packedWinners() {
      const parts: Buffer[] = [];
      for (const e of heap.sorted()) {
        const id = Buffer.from(e.id, 'utf8');
        const head = Buffer.alloc(4);
        head.writeUInt32LE(id.length, 0);
        parts.push(head, Buffer.from(e.digest), id);
      }
      return Buffer.concat(parts);
    },
    offerPacked(packed) {
      const b = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
      for (let i = 0; i + 36 <= b.length;) {
        const len = b.readUInt32LE(i);
        const d = b.subarray(i + 4, i + 36);
        sortKeyInto(d, 0, key);
        heap.offer({
          k1: key[0] ?? 0,
          k2: key[1] ?? 0,
          id: b.toString('utf8', i + 36, i + 36 + len),
          digest: d.slice(),
        });
        i += 36 + len;
      }
    },
    textWinners() {
      return Buffer.from(
        heap
          .sorted()
          .map((e) => `${entryTicket(e)} ${e.id}\n`)
          .join(''),
        'utf8',
      );
    },
  };
}
