/**
 * @openssj/server/draw-engine — the draw engine alone (spec §2–§4): the line scanner (native, with
 * its JS reference), the addon loader and the JS midstate SHA-256. Server draws and `ssj draw`
 * run the same code; this surface pulls in nothing but core, so `ssj draw` starts fast.
 */
export {
  SCAN_ISSUES,
  scanIssue,
  type LineScanner,
  type ScanEdges,
  type ScanIssue,
  type ScannerOptions,
} from './contexts/draw/engine/scan-contract';
export { createLineScanner, type ScannerChoice } from './contexts/draw/engine/line-scanner';
export { jsLineScanner } from './contexts/draw/engine/js-line-scanner';
export { loadNative, type NativeDraw, type NativeScannerHandle } from './contexts/draw/engine/native';
export { MidstateSha256 } from './contexts/draw/engine/sha256-block';
