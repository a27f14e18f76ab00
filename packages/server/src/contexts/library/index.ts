/**
 * The library context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { registerImportRoutes } from './imports.routes';
export { findInspectorsByIds } from './inspector.repo';
export { registerInspectorRoutes } from './inspectors.routes';
export { currentItemVersions } from './item.repo';
export { registerItemRoutes } from './items.routes';
export { activeRecusalsAgainst } from './recusal.repo';
export { registerTargetRoutes } from './targets.routes';
export { certificateAlerts } from './inspector.service';
export { importJobCounts } from './import-job.repo';
