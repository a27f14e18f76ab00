/**
 * The workflow context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export {
  fallbackInputSchema,
  fallbackListSchema,
  fallbackViewSchema,
  getFallbackRegions,
  listFallbackRegions,
  putFallbackRegions,
} from './cross-region.service';
export { estimateFrames } from './frame-estimate.repo';
export { commonTargetCount } from './scope-overlap.repo';
export { publicPlans } from './plan-overview.service';
export { createPlan, listPlansFor, transitionPlan } from './plan.service';
export { registerPlanRoutes } from './plans.routes';
export {
  type TaskFull,
  findTask,
  insertTask,
  listTasks,
  nextTaskId,
  setParticipation,
  updateTask,
} from './task.repo';
export { createTask, respondToTask } from './task.service';
export { registerTaskRoutes } from './tasks.routes';
export { adjacentRegions, yearlyCap } from './workflow-settings';
export {
  type DrawSummary,
  type TaskView,
  drawSummary,
  drawSummarySchema,
  frozenStratumSchema,
  parseTaskJson,
  planViewSchema,
  taskView,
  witnessSchema,
} from './workflow-views';
export { listTasksFor } from './task-query.service';
