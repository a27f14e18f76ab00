/**
 * Registers every API route. Routes are thin: parse, authorise, call a service, reply.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../services/context';
import { registerAuditRoutes } from './audit.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerHolidayRoutes } from './holidays.routes';
import { registerOrgRoutes } from './org.routes';
import { registerPublicRoutes } from './public.routes';

/** Register all routes on the app. */
export async function registerRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  await registerAuthRoutes(app, deps);
  await registerOrgRoutes(app, deps);
  await registerAuditRoutes(app, deps);
  await registerHolidayRoutes(app, deps);
  await registerPublicRoutes(app, deps);
}
