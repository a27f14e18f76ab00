/**
 * The platform context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { registerAdminRoutes } from './admin.routes';
export { registerAuditRoutes } from './audit.routes';
export { audit, auditAll } from './audit.service';
export { registerAuthRoutes } from './auth.routes';
export { authenticate } from './auth.service';
export {
  type Actor,
  type AuditContext,
  CROSS_DEPARTMENT_READERS,
  canReadDepartment,
  canWriteDepartment,
  forbiddenDepartment,
  hasAnyRole,
} from './auth/actor';
export { hashPassword } from './auth/password';
export { chinaToday, coverageSchema, holidayCoverage, loadHolidayTable } from './calendar.service';
export { type ServiceDeps } from './context';
export { registerHolidayRoutes } from './holidays.routes';
export { type LogStream, frameworkErrors, installErrorHandling, loggerOptions } from './http/error-handler';
export { guardedValidatorCompiler } from './http/input-guard';
export { documentStatuses, fixOpenApi } from './http/openapi-statuses';
export {
  auditContextOf,
  type Access,
  SHEET_TYPES,
  actorOf,
  fileResponses,
  handle,
  publicAccess,
  responses,
  rolesAccess,
  sendError,
  sessionAccess,
} from './http/route';
export { type EndpointCall, endpoints } from './http/endpoint';
export { SESSION_COOKIE, registerSecurity } from './http/security';
export { registerReadRouting } from './http/read-routing';
export { type Upload, attachment, saveUpload } from './http/upload';
export { registerLogRoutes } from './log.routes';
export { fileKeySource, logKeyFile } from './log/log-key';
export { finishPendingRotation } from './log/log-rotation';
export { startLogSigner } from './log/log-signer';
export { appendAuditCheckpoint, appendLogEntry } from './log/log.service';
export { entriesOfTask } from './log/log.repo';
export { existingDepartmentCodes, findDepartment, listDepartments, listRegions, listUnits } from './org.repo';
export { registerOrgRoutes } from './org.routes';
export { registerPublicRoutes } from './public.routes';
export {
  DEMO_MARKER_KEY,
  deleteSetting,
  getSettings,
  isDemoDatabase,
  listSettings,
  putSetting,
} from './setting.repo';
export { matchHeaders } from './sheets/header-match';
export {
  IMPORT_MODES,
  type ImportIssue,
  type ImportMode,
  type ImportOutcome,
  type ImportProgress,
  runImport,
} from './sheets/import-runner';
export { type HeaderSpec, type ImportContext, type ImportKind, type ImportSpec } from './sheets/import-spec';
export { type Download, EXPORT_MAX_ROWS, type SheetFormat, sheetDownload } from './sheets/sheet-download';
export { detectFormat, fileSource, readRows } from './sheets/sheet-reader';
export { csvStream, issuesXlsx, templateXlsx, xlsxStream } from './sheets/sheet-writer';
export { countUsers, findUserById, findUserByUsername } from './user.repo';
export { type MetricSource, registerMetrics } from './http/metrics';
