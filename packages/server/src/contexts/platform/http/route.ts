/**
 * Route access declarations. Every route declares who may call it; a route without a
 * declaration fails at start-up (and the role × route matrix test).
 */
import type { DomainError, Result, Role } from '@openssj/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { toHttpError } from './errors';

export type Access =
  /** No login needed (public portal, login itself). */
  | { readonly kind: 'public' }
  /** Any logged-in user. */
  | { readonly kind: 'session' }
  /** Logged-in users holding one of these roles. */
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Read from a replica when one is fresh enough (issue 17 §1): read-only routes only. */
    readsFrom?: 'replica';
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export const publicAccess: Access = { kind: 'public' };
export const sessionAccess: Access = { kind: 'session' };
/** Access for the given roles. */
export function rolesAccess(...roles: Role[]): Access {
  return { kind: 'roles', roles };
}

/** The JSON error body schema, for OpenAPI. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});

/** Response schemas: the success body plus the shared error body for 4xx. */
export function responses<T extends z.ZodType>(ok: T, status: 200 | 201 = 200) {
  return {
    [status]: ok,
    400: errorBodySchema,
    401: errorBodySchema,
    403: errorBodySchema,
    404: errorBodySchema,
    409: errorBodySchema,
    423: errorBodySchema,
    429: errorBodySchema,
  } as const;
}

/** Content types of spreadsheet downloads. */
export const SHEET_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
] as const;

/** Response schemas of a file download: the file in one of the content types, or an error. */
export function fileResponses(contentTypes: readonly string[] = SHEET_TYPES) {
  // The body is a Buffer or a stream, never serialized: documented as a binary string.
  const file = z.unknown().meta({ type: 'string', format: 'binary' });
  const { 200: _json, ...errors } = responses(file);
  return {
    200: {
      description: '文件 / file',
      content: Object.fromEntries(contentTypes.map((t) => [t, { schema: file }])),
    },
    ...errors,
  };
}

/** Send a domain error. */
export function sendError(reply: FastifyReply, e: DomainError): FastifyReply {
  const { status, body } = toHttpError(e);
  return reply.code(status).send(body);
}

/** The actor of a route that requires a session (the auth hook guarantees it). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (request.actor === null) {
    throw new Error('bug: actorOf on a route without a session');
  }
  return request.actor;
}

/** Who acts and under which request id: what a state change writes to the audit trail. */
export function auditContextOf(request: { actor: Actor | null; id: string }): {
  actor: Actor;
  requestId: string;
} {
  return { actor: actorOf(request), requestId: request.id };
}

/**
 * A service's Result as the reply: the value (sent with `status` when given, e.g. 201 for a
 * creation), or the domain error mapped to its HTTP status. Every route ends with this.
 */
export function handle<T>(
  reply: FastifyReply,
  r: Result<T, DomainError>,
  status?: 201 | 202,
): T | FastifyReply {
  if (!r.ok) {
    return sendError(reply, r.error);
  }
  return status === undefined ? r.value : reply.code(status).send(r.value);
}
