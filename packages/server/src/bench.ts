/**
 * @openssj/server/bench — what `ssj bench` and the test set-up reach beyond the public surface:
 * the queries a benchmark EXPLAINs, the services it times, data generators' helpers and fresh
 * test databases. Not for production code.
 */
export * from './index';
export { nodeTicketHasher } from './contexts/draw/engine/node-ticket-hasher';
export { runDrawOffThread } from './contexts/draw/engine/run-draw-off-thread';
export { publicResultFilter } from './contexts/inspection/portal.service';
export {
  SORT_MATCHES_MAX as PORTAL_SORT_MATCHES_MAX,
  COUNT_CAP as PORTAL_COUNT_CAP,
  countPublishedSql,
  publishedPageSql,
} from './contexts/inspection/publication.repo';
export { TARGET_HEADERS, targetImportSpec } from './contexts/library/imports/target.import';
export {
  SORT_MATCHES_MAX as TARGET_SORT_MATCHES_MAX,
  searchTargets,
  searchTargetsSql,
} from './contexts/library/target.repo';
export { evaluationReport } from './contexts/oversight/evaluation.service';
export { fairnessReport } from './contexts/oversight/fairness.service';
export { dashboardRecords } from './contexts/oversight/metrics-records.service';
export { dashboardMetrics } from './contexts/oversight/metrics.service';
export { type Actor } from './contexts/platform/auth/actor';
export { hashPassword } from './contexts/platform/auth/password';
export { type ServiceDeps } from './contexts/platform/context';
export { ephemeralSigningKey } from './contexts/platform/log/log-key';
export {
  consistencyBetween,
  nodeMerkleHasher,
  proofByHash,
  signTreeHead,
} from './contexts/platform/log/log.service';
export { csvLine } from './contexts/platform/sheets/sheet-writer';
export { tierDistribution } from './contexts/risk/risk-metrics.repo';
export { scoreTargets } from './contexts/risk/risk-scoring.service';
export { openPglite, openPostgres } from './db/client';
export { migrationsFingerprint } from './db/migrate';
export { users } from './db/schema';
export { queryOne, queryRows } from './db/sql';
export { type TargetFilter } from './db/target-filter';
export { freshDatabase, testDatabaseUrl } from './db/test-databases';
