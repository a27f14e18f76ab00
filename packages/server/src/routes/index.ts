/**
 * Registers every API route. Routes are thin: parse, authorise, call a service, reply.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../services/context';
import { registerAdminRoutes } from './admin.routes';
import { registerAuditRoutes } from './audit.routes';
import { registerDrawRoutes } from './draws.routes';
import { registerPlanRoutes } from './plans.routes';
import { registerPublicWorkflowRoutes } from './public-workflow.routes';
import { registerTaskRoutes } from './tasks.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerFollowUpRoutes } from './follow-ups.routes';
import { registerHolidayRoutes } from './holidays.routes';
import { registerImportRoutes } from './imports.routes';
import { registerInspectionRoutes } from './inspections.routes';
import { registerInspectorRoutes } from './inspectors.routes';
import { registerItemRoutes } from './items.routes';
import { registerOrgRoutes } from './org.routes';
import { registerPortalResultRoutes } from './portal-results.routes';
import { registerPublicRoutes } from './public.routes';
import { registerReviewRoutes } from './reviews.routes';
import { registerRiskRoutes } from './risk.routes';
import { registerDashboardRoutes } from './dashboard.routes';
import { registerEvaluationRoutes } from './evaluation.routes';
import { registerJointRoutes } from './joint.routes';
import { registerLogRoutes } from './log.routes';
import { registerTargetRoutes } from './targets.routes';

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
