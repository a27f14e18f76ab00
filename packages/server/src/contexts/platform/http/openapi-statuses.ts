/**
 * The OpenAPI document tells the whole truth about replies: every status an operation can
 * return is listed, including the ones Fastify itself produces (413, 414, 415) and the 500 of
 * a bug, and a nullable enum admits null (OpenAPI 3.0 wants null among the enum values).
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { errorBodySchema } from './route';

/** Statuses of the framework, by what the route accepts. */
function frameworkStatuses(route: RouteOptions): number[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const statuses = [500];
  if (route.url.includes(':')) {
    statuses.push(414); // a path parameter longer than Fastify's maxParamLength
  }
  if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
    statuses.push(413, 415); // a body too large, or not JSON
  }
  return statuses;
}

/** onRoute hook: add the framework's statuses to an API route's documented responses. */
export function documentStatuses(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) {
    return;
  }
  const schema = route.schema;
  if (schema?.response === undefined || typeof schema.response !== 'object' || schema.response === null) {
    return;
  }
  const response: Record<string, unknown> = { ...schema.response };
  for (const status of frameworkStatuses(route)) {
    response[String(status)] ??= errorBodySchema;
  }
  route.schema = { ...schema, response };
}

/** Add null to the values of every nullable enum, in place. */
function nullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(nullableEnums);
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  if ('nullable' in node && node.nullable === true && 'enum' in node && Array.isArray(node.enum)) {
    if (!node.enum.includes(null)) {
      node.enum.push(null);
    }
  }
  Object.values(node).forEach(nullableEnums);
}

/** @fastify/swagger `transformObject`: the finishing touches on the generated document. */
export const fixOpenApi: SwaggerTransformObject = (documentObject) => {
  const doc = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
  nullableEnums(doc);
  return doc;
};
