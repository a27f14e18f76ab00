/**
 * Registers every API route. Routes are thin: parse, authorise, call a service, reply.
 */
import type { FastifyInstance } from 'fastify';
import {
  type ServiceDeps,
  registerAdminRoutes,
  registerAuditRoutes,
  registerAuthRoutes,
  registerHolidayRoutes,
  registerOrgRoutes,
  registerPublicRoutes,
  registerLogRoutes,
} from './platform';
import { registerDrawRoutes, registerPublicWorkflowRoutes } from './draw';
import { registerPlanRoutes, registerTaskRoutes } from './workflow';
import {
  registerAppealRoutes,
  registerFollowUpRoutes,
  registerInspectionRoutes,
  registerPortalResultRoutes,
  registerReviewRoutes,
} from './inspection';
import {
  registerImportRoutes,
  registerInspectorRoutes,
  registerItemRoutes,
  registerTargetRoutes,
} from './library';
import { registerAlertRoutes, registerRiskRoutes } from './risk';
import { registerDashboardRoutes, registerEvaluationRoutes, registerJointRoutes } from './oversight';

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
  await registerAppealRoutes(app, deps);
  await registerPlanRoutes(app, deps);
  await registerTaskRoutes(app, deps);
  await registerDrawRoutes(app, deps);
  await registerPublicWorkflowRoutes(app, deps);
  await registerRiskRoutes(app, deps);
  await registerAlertRoutes(app, deps);
  await registerDashboardRoutes(app, deps);
  await registerJointRoutes(app, deps);
  await registerEvaluationRoutes(app, deps);
  await registerLogRoutes(app, deps);
}
