/**
 * The inspection context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { registerAppealRoutes } from './appeals.routes';
export { registerFollowUpRoutes } from './follow-ups.routes';
export { taskSideDepartments } from './inspection.repo';
export { registerInspectionRoutes } from './inspections.routes';
export { registerPortalResultRoutes } from './portal-results.routes';
export { publishTaskResults, reviewVisit } from './review.service';
export { registerReviewRoutes } from './reviews.routes';
export { listDepartmentVisits, listMyVisits } from './visit-list.service';
export { listFollowUps } from './follow-up.service';
export { listTaskDeadlines } from './deadline.service';
