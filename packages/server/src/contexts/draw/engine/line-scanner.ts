/**
 * LineScanner: the whole per-line loop of `ssj draw` behind one interface (spec §2–§4): newline
 * search, the §4 line rules, UTF-8, order and duplicate checks against the previous line, the
 * midstate SHA-256 and a bounded heap of the k best tickets. Callers hand over buffers of complete
 * lines and see only the issue or, at the end, the winners. Two implementations give identical
 * results: the native one (packages/native/src/scanner.c) and the JS reference (js-line-scanner.ts).
 */
import { loadNative, type NativeDraw } from './native';
import { jsLineScanner } from './js-line-scanner';
import { scanIssue, type LineScanner, type ScannerOptions } from './scan-contract';

function nativeScanner(native: Required<Pick<NativeDraw, ScannerFns>>, opts: ScannerOptions): LineScanner {
  const flags =
    (opts.withUnits === true ? 1 : 0) | (opts.withUnits === null ? 2 : 0) | (opts.fileStart ? 4 : 0);
  const s = native.scannerCreate(opts.prefixHex64, opts.k, flags);
  const res = new Float64Array(4);
  return {
    name: 'native',
    feed(buf, from, to) {
      native.scannerFeed(s, buf, from, to, res);
      const [next = from, code = 0, line = 0, at = 0] = res;
      return { next, issue: code === 0 ? null : scanIssue(code, line, buf, at) };
    },
    edges() {
      const [firstLine, firstIdLength, lastLine, lastIdLength, lines] = native.scannerEdges(s);
      return { firstLine, firstIdLength, lastLine, lastIdLength, lines };
    },
    packedWinners: () => native.scannerWinners(s, false),
    offerPacked: (p) => native.scannerOffer(s, p),
    textWinners: () => native.scannerWinners(s, true),
  };
}

type ScannerFns = 'scannerCreate' | 'scannerFeed' | 'scannerEdges' | 'scannerWinners' | 'scannerOffer';

function hasScanner(n: NativeDraw): n is NativeDraw & Required<Pick<NativeDraw, ScannerFns>> {
  return (
    n.scannerCreate !== undefined &&
    n.scannerFeed !== undefined &&
    n.scannerEdges !== undefined &&
    n.scannerWinners !== undefined &&
    n.scannerOffer !== undefined
  );
}

/** Which scanner: native when the addon is built (and not refused), else the JS reference. */
export type ScannerChoice = 'auto' | 'native' | 'js';

/** A scanner of the chosen kind; null when `native` is asked for and the addon is missing. */
export function createLineScanner(choice: ScannerChoice, opts: ScannerOptions): LineScanner | null {
  if (choice !== 'js') {
    const native = loadNative();
    if (native !== null && hasScanner(native)) {
      return nativeScanner(native, opts);
    }
    if (choice === 'native') {
      return null;
    }
  }
  return jsLineScanner(opts);
}
