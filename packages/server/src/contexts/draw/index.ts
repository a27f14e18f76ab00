/**
 * The draw context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { decideAbandon, listAbandon, requestAbandon } from './abandon.service';
export { drawsOfTask } from './draw.repo';
export { commitFrozenDraw, runCommittedDraw } from './draw.service';
export { registerDrawRoutes } from './draws.routes';
export { freezeDraw } from './freeze.service';
export { registerPublicWorkflowRoutes } from './public-workflow.routes';
export { runningDrawOperations } from './draw-progress';
