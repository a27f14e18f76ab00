/**
 * The oversight context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { registerDashboardRoutes } from './dashboard.routes';
export { registerEvaluationRoutes } from './evaluation.routes';
export { registerJointRoutes } from './joint.routes';
export { jointSuggestions } from './joint.service';
