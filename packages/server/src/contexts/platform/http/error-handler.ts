/**
 * Errors that are not domain errors, in the one error shape `{ error: { code, message,
 * messageEn, details } }`: request validation, Fastify's own errors (bad URL, URI too long,
 * unsupported media type, body too large, bad JSON) and bugs. Every 5xx is written to the log
 * (structured, with the request id) whatever the log level, and every reply carries its
 * request id in `x-request-id`, which a 500 repeats in `details.requestId`.
 */
import { isConnectionError } from '../../../db/replicas';
import { domainError } from '@openssj/core';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toHttpError } from './errors';

/** Where log lines go in tests (pino's destination stream). */
export interface LogStream {
  write(line: string): void;
}

/** The log level names the configuration allows. */
type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Fastify's logger options. Without the HTTP log (`SSJ_HTTP_LOG`) the app still logs at
 * `error`, so a 5xx is never silent; `silent` is the one way to turn that off.
 */
export function loggerOptions(opts: {
  readonly logger?: boolean;
  readonly logStream?: LogStream;
  readonly config: { readonly SSJ_LOG_LEVEL: LogLevel };
}): NonNullable<FastifyServerOptions['logger']> {
  const level =
    opts.logger === true || opts.config.SSJ_LOG_LEVEL === 'silent' ? opts.config.SSJ_LOG_LEVEL : 'error';
  return opts.logStream === undefined ? { level } : { level, stream: opts.logStream };
}

interface ErrorReply {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

const logged = new WeakSet<FastifyRequest>();

/** The name of a missing property in a validation error's params, if any. */
function missingProperty(params: Readonly<Record<string, unknown>>): string {
  const p = params['missingProperty'];
  return typeof p === 'string' ? p : '';
}

/** The reply for one of Fastify's (or a plugin's) own client errors. */
function frameworkReply(e: FastifyError, request: FastifyRequest): ErrorReply | null {
  const path = request.url.split('?')[0] ?? '';
  switch (e.code) {
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'VALIDATION',
        message: `网址中有无效的编码：${path.slice(0, 200)}`,
        messageEn: `the URL has an invalid percent-encoding: ${path.slice(0, 200)}`,
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'URI_TOO_LONG',
        message: '网址中的参数过长',
        messageEn: 'a parameter in the URL is too long',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = String(request.headers['content-type'] ?? '').slice(0, 100);
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `不支持的内容类型「${type}」，请使用 application/json`,
        messageEn: `unsupported content type '${type}': send application/json`,
      };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: '请求体过大',
        messageEn: 'the request body is too large',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'VALIDATION',
        message: '请求体不是有效的 JSON',
        messageEn: 'the request body is not valid JSON',
      };
    default:
      return null;
  }
}

/** The reply for any error the error handler receives. */
function replyFor(error: FastifyError, request: FastifyRequest): ErrorReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => {
      // A refinement may carry its Chinese message in `params` (zod's custom issue params).
      const inner = v.params['params'];
      const zh =
        typeof inner === 'object' && inner !== null && 'messageZh' in inner
          ? inner.messageZh
          : v.params['messageZh'];
      return {
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || missingProperty(v.params),
        messageZh: typeof zh === 'string' ? zh : `字段无效：${v.message ?? ''}`,
        messageEn: v.message ?? 'invalid',
      };
    });
    const { status, body } = toHttpError(
      domainError(
        'VALIDATION',
        `请求参数无效：${issues.map((i) => `${i.field || '(整体)'} ${i.messageZh}`).join('；')}`.slice(
          0,
          500,
        ),
        `invalid request (${error.validationContext ?? 'body'}): ${issues
          .map((i) => `${i.field || '(whole)'}: ${i.messageEn}`)
          .join('; ')}`.slice(0, 500),
        { issues },
      ),
    );
    return { status, ...body.error, details: { issues } };
  }
  const known = frameworkReply(error, request);
  if (known !== null) {
    return known;
  }
  if (error instanceof SyntaxError) {
    return (
      frameworkReply(Object.assign(error, { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), request) ??
      internal(request)
    );
  }
  if (isConnectionError(error)) {
    // a failover or a restart of the database (issue 17 §2): the caller may retry
    return {
      status: 503,
      code: 'DB_UNAVAILABLE',
      message: '数据库暂时不可用（可能正在主备切换），请稍后重试',
      messageEn: 'the database is briefly unavailable (a failover may be under way): retry shortly',
    };
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      status,
      code: typeof error.code === 'string' && error.code !== '' ? error.code : 'BAD_REQUEST',
      message: `请求无效：${error.message}`.slice(0, 300),
      messageEn: error.message.slice(0, 300) || 'bad request',
    };
  }
  return internal(request);
}

function internal(request: FastifyRequest): ErrorReply {
  return {
    status: 500,
    code: 'INTERNAL',
    message: `服务器内部错误，已记录（请求编号 ${request.id}）`,
    messageEn: `internal error, logged (request id ${request.id})`,
    details: { requestId: request.id },
  };
}

function send(reply: FastifyReply, r: ErrorReply): FastifyReply {
  return reply.code(r.status).send({
    error: {
      code: r.code,
      message: r.message,
      messageEn: r.messageEn,
      ...(r.details === undefined ? {} : { details: r.details }),
    },
  });
}

/** A thrown rate-limit reply (the body @fastify/rate-limit builds), passed through as is. */
function rateLimitBody(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 429) {
    return 'error' in error ? { error: error.error } : null;
  }
  return null;
}

/** Fastify's `frameworkErrors` option: router errors (bad URL, URI too long) in the one shape. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  const r = frameworkReply(error, request);
  if (r === null) {
    request.log.error({ err: error, reqId: request.id }, 'framework error');
    logged.add(request);
  }
  void send(reply, r ?? internal(request));
}

/** Install the error handler, the 5xx log and the request id header on every reply. */
export function installErrorHandling(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const limited = rateLimitBody(error);
    if (limited !== null) {
      return reply.code(429).send(limited);
    }
    const r = replyFor(error, request);
    if (r.status >= 500) {
      const line = { err: error, reqId: request.id, method: request.method, url: request.url };
      if (r.status === 503) {
        request.log.warn(line, 'database unavailable'); // a failover: expected, and brief
      } else {
        request.log.error(line, 'unhandled error');
      }
      logged.add(request);
    }
    if (r.status === 503) {
      void reply.header('retry-after', '2');
    }
    return send(reply, r);
  });

  // A 5xx the error handler did not see (a plugin's, or a reply that failed after it was
  // shaped) is still written down.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 500 && !logged.has(request)) {
      request.log.error(
        { reqId: request.id, method: request.method, url: request.url, statusCode: reply.statusCode },
        'server error reply',
      );
    }
  });
}
