/**
 * Declarative routes. A route is one object: where it is (url), what it is (summary), who may
 * call it (access), what it takes (params, query, body), what it answers (response, or a file)
 * and the service call that does the work (run). The route table registers it with Fastify and
 * OpenAPI, validates the input, and turns the service's Result into the reply (`handle`).
 */
import type { DomainError, Result } from '@openssj/core';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Download } from '../sheets/sheet-download';
import {
  actorOf,
  auditContextOf,
  fileResponses,
  handle,
  responses,
  sendError,
  SHEET_TYPES,
  type Access,
} from './route';
import { attachment } from './upload';

/** What a route's `run` is given: the validated input and who calls. */
export interface EndpointCall<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The caller (a route that needs a session; reading it on a public route is a bug). */
  readonly actor: Actor;
  /** Who acts and under which request id: what a state change writes to the audit trail. */
  readonly audit: { readonly actor: Actor; readonly requestId: string };
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

interface EndpointBase<P, Q, B> {
  readonly url: string;
  readonly summary: string;
  readonly access: Access;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Overrides the server's request body limit (bytes), e.g. for a file upload. */
  readonly bodyLimit?: number;
  /** More route config besides access: a rate limit of its own, passwordChangeExempt. */
  readonly config?: Omit<FastifyContextConfig, 'access'>;
}

/** A route that answers JSON. */
export interface JsonEndpoint<P, Q, B, R extends z.ZodType> extends EndpointBase<P, Q, B> {
  readonly response: R;
  /** The success status, when it is not 200: 201 for a creation. */
  readonly status?: 201;
  readonly run: (
    call: EndpointCall<Input<P>, Input<Q>, Input<B>>,
  ) => Promise<Result<z.output<R>, DomainError>>;
}

/** A file held in memory (a template, an error report; a photo, shown inline: no file name). */
export interface BytesDownload {
  readonly bytes: Buffer;
  readonly fileName?: string;
  readonly contentType: string;
}

/** A spreadsheet (or other file) download. */
export interface FileEndpoint<P, Q, B> extends EndpointBase<P, Q, B> {
  readonly contentTypes?: readonly string[];
  readonly run: (
    call: EndpointCall<Input<P>, Input<Q>, Input<B>>,
  ) => Promise<Result<Download | BytesDownload, DomainError>>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function callOf<P, Q, B>(request: FastifyRequest, reply: FastifyReply): EndpointCall<P, Q, B> {
  return {
    params: request.params as P,
    query: request.query as Q,
    body: request.body as B,
    get actor() {
      return actorOf(request);
    },
    get audit() {
      return auditContextOf(request);
    },
    request,
    reply,
  };
}

function schemaOf(tag: string, spec: EndpointBase<unknown, unknown, unknown>, response: object) {
  return {
    tags: [tag],
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.params === undefined ? {} : { params: spec.params }),
    ...(spec.query === undefined ? {} : { querystring: spec.query }),
    ...(spec.body === undefined ? {} : { body: spec.body }),
    response,
  };
}

/** The route table of one OpenAPI tag: `api.get({...})`, `api.post({...})`, `api.download({...})`. */
export function endpoints(app: FastifyInstance, tag: string) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const json =
    (method: Method) =>
    <P = undefined, Q = undefined, B = undefined, R extends z.ZodType = z.ZodType>(
      spec: JsonEndpoint<P, Q, B, R>,
    ): void => {
      r.route({
        method,
        url: spec.url,
        config: { ...spec.config, access: spec.access },
        ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
        schema: schemaOf(tag, spec, responses(spec.response, spec.status)),
        handler: async (request, reply) => handle(reply, await spec.run(callOf(request, reply)), spec.status),
      });
    };
  return {
    get: json('GET'),
    post: json('POST'),
    put: json('PUT'),
    patch: json('PATCH'),
    delete: json('DELETE'),
    /** A GET that answers a file (xlsx or csv by default). */
    download: <P = undefined, Q = undefined>(spec: FileEndpoint<P, Q, undefined>): void => {
      r.route({
        method: 'GET',
        url: spec.url,
        config: { ...spec.config, access: spec.access },
        schema: schemaOf(tag, spec, fileResponses(spec.contentTypes ?? SHEET_TYPES)),
        handler: async (request, reply) => {
          const res = await spec.run(callOf(request, reply));
          if (!res.ok) {
            return sendError(reply, res.error);
          }
          const file = res.value;
          reply.header('content-type', file.contentType);
          if (file.fileName !== undefined) {
            reply.header('content-disposition', attachment(file.fileName));
          }
          return reply.send('bytes' in file ? file.bytes : file.stream);
        },
      });
    },
  };
}
