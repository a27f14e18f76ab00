/**
 * Registers every API route. Routes are thin: parse, authorise, call a service, reply.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from './platform/context';
import { registerAdminRoutes } from './platform/admin.routes';
import { registerAuditRoutes } from './platform/audit.routes';
import { registerDrawRoutes } from './draw/draws.routes';
import { registerPlanRoutes } from './workflow/plans.routes';
import { registerPublicWorkflowRoutes } from './draw/public-workflow.routes';
import { registerTaskRoutes } from './workflow/tasks.routes';
import { registerAuthRoutes } from './platform/auth.routes';
import { registerFollowUpRoutes } from './inspection/follow-ups.routes';
import { registerHolidayRoutes } from './platform/holidays.routes';
import { registerImportRoutes } from './library/imports.routes';
import { registerInspectionRoutes } from './inspection/inspections.routes';
import { registerInspectorRoutes } from './library/inspectors.routes';
import { registerItemRoutes } from './library/items.routes';
import { registerOrgRoutes } from './platform/org.routes';
import { registerPortalResultRoutes } from './inspection/portal-results.routes';
import { registerPublicRoutes } from './platform/public.routes';
import { registerReviewRoutes } from './inspection/reviews.routes';
import { registerRiskRoutes } from './risk/risk.routes';
import { registerDashboardRoutes } from './oversight/dashboard.routes';
import { registerEvaluationRoutes } from './oversight/evaluation.routes';
import { registerJointRoutes } from './oversight/joint.routes';
import { registerLogRoutes } from './platform/log.routes';
import { registerTargetRoutes } from './library/targets.routes';

/** Register all routes on the app. */
export async function registerRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  await registerAuthRoutes(app, deps);
  await registerOrgRoutes(app, deps);
  await registerAdminRoutes(app, deps);
  await registerAuditRoutes(app, deps);
  await registerHolidayRoutes(app, deps);
  await registerPublicRoutes(app, deps);
  await registerTargetRoutes(app, deps);
  await registerImportRoutes(app, deps);
  await registerItemRoutes(app, deps);
  await registerInspectorRoutes(app, deps);
  await registerInspectionRoutes(app, deps);
  await registerReviewRoutes(app, deps);
  await registerFollowUpRoutes(app, deps);
  await registerPortalResultRoutes(app, deps);
  await registerPlanRoutes(app, deps);
  await registerTaskRoutes(app, deps);
  await registerDrawRoutes(app, deps);
  await registerPublicWorkflowRoutes(app, deps);
  await registerRiskRoutes(app, deps);
  await registerDashboardRoutes(app, deps);
  await registerJointRoutes(app, deps);
  await registerEvaluationRoutes(app, deps);
  await registerLogRoutes(app, deps);
}
