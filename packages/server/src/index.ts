/**
 * @openssj/server — the public surface: what `ssj` and other programs may use. The HTTP API,
 * the database and the contexts' services stay inside; the CLI imports only this file (and
 * `@openssj/server/bench` for benchmarks and test set-up).
 */
export { buildApp } from './app';
export { runServer, startServer, openDatabase } from './main';
export { loadConfig } from './config';
export { type Database } from './db/client';
export { migrate } from './db/migrate';
// ssj serve: the compiled draw worker
export { setCompiledDrawWorker } from './contexts/draw/engine/run-draw-off-thread';
// ssj import
export { IMPORT_KINDS, IMPORT_KIND_LABELS, importSpecOf } from './contexts/library/imports/import-kinds';
export { type ImportOutcome, type ImportProgress, runImport } from './contexts/platform/sheets/import-runner';
export { type ImportKind } from './contexts/platform/sheets/import-spec';
export { detectFormat, fileSource } from './contexts/platform/sheets/sheet-reader';
// ssj rollups check | rebuild
export { rebuildRollups, rollupDrift } from './contexts/oversight/metrics.repo';
// ssj audit verify [--sth]
export { verifyAuditAgainstTreeHead } from './contexts/platform/audit/audit-anchor-verify';
export { logKeyFile } from './contexts/platform/log/log-key';
export { rotateLogKey } from './contexts/platform/log/log-rotation';
export { verifyAuditChain } from './contexts/platform/audit/audit-verify';
// ssj evidence export | verify (issue 15)
export {
  evidenceManifestSchema,
  exportEvidence,
  verifyEvidence,
} from './contexts/inspection/evidence.service';
// ssj users bootstrap
export { bootstrapInputSchema, bootstrapSystemAdmin } from './contexts/platform/bootstrap.service';
// ssj backup | restore (issue 17 §4)
export {
  auditRestore,
  createBackup,
  readBackup,
  restoreBackup,
  verifyRestored,
  type BackupManifest,
  type RestoreCheck,
} from './contexts/platform/backup/backup.service';
