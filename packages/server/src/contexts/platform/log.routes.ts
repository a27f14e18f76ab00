/**
 * ssj-log/1 public endpoints (docs/ssj-log-v1.md §7), RFC 9162 shapes in JSON, no login; the
 * signing-key document at /.well-known/ssj-log-key; on-demand signing for the system admin.
 */
import { domainError, LOG_SPEC, logKeysDocumentSchema, signedTreeHeadSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle, publicAccess, responses, rolesAccess, sendError } from './http/route';
import { allLogKeys, entriesInRange, latestTreeHead, logSize, treeHeads } from './log/log.repo';
import { commitmentHistorySchema, drawLogView, loggedEntrySchema, taskLogView } from './log/log-view.service';
import { consistencyBetween, proofByHash, publicTreeHead, signTreeHead } from './log/log.service';
import type { ServiceDeps } from './context';

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 / expected 64 lowercase hex');
const MAX_ENTRIES = 1000;

const entryRowSchema = z.object({ index: z.number(), leafHash: z.string(), entry: z.string() });
const logViewSchema = z.object({ sth: signedTreeHeadSchema.nullable(), entries: z.array(loggedEntrySchema) });

/** Register the log routes. */
export async function registerLogRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const db = deps.database.db;
  const tags = ['log'];
  const noHead = () =>
    domainError('NOT_FOUND', '尚无签名树头，请稍后再试', 'no signed tree head yet: try again shortly');

  r.get(
    '/api/public/log/sth',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '最新签名树头 / latest signed tree head',
        response: responses(signedTreeHeadSchema),
      },
    },
    async (_req, reply) => {
      const h = await latestTreeHead(db);
      return h === undefined ? sendError(reply, noHead()) : publicTreeHead(h);
    },
  );
  r.get(
    '/api/public/log/sths',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '历次签名树头 / past signed tree heads, oldest first',
        querystring: z.object({
          from: size.default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: responses(z.object({ sths: z.array(signedTreeHeadSchema) })),
      },
    },
    async (req) => ({ sths: (await treeHeads(db, req.query.from, req.query.limit)).map(publicTreeHead) }),
  );
  r.get(
    '/api/public/log/entries',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '按范围读取日志条目 / entries by range (end inclusive, at most 1000)',
        querystring: z.object({ start: size, end: size }),
        response: responses(z.object({ entries: z.array(entryRowSchema) })),
      },
    },
    async (req, reply) => {
      const { start, end } = req.query;
      if (end < start) {
        return sendError(
          reply,
          domainError('VALIDATION', 'end 不能小于 start', 'end must not be below start'),
        );
      }
      const rows = await entriesInRange(db, start, Math.min(end, start + MAX_ENTRIES - 1));
      return { entries: rows.map((e) => ({ index: e.idx, leafHash: e.leafHash, entry: e.entry })) };
    },
  );
  r.get(
    '/api/public/log/proof-by-hash',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '收录证明 / inclusion proof by leaf hash',
        querystring: z.object({ hash: hex64, treeSize: size.optional() }),
        response: responses(
          z.object({ leafIndex: z.number(), treeSize: z.number(), inclusionPath: z.array(z.string()) }),
        ),
      },
    },
    async (req, reply) => {
      const treeSize = req.query.treeSize ?? (await latestTreeHead(db))?.treeSize ?? (await logSize(db));
      return handle(reply, await proofByHash(db, req.query.hash, treeSize));
    },
  );
  r.get(
    '/api/public/log/consistency',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '一致性证明 / consistency proof between two tree sizes',
        querystring: z.object({ first: size, second: size }),
        response: responses(
          z.object({ first: z.number(), second: z.number(), consistency: z.array(z.string()) }),
        ),
      },
    },
    async (req, reply) => handle(reply, await consistencyBetween(db, req.query.first, req.query.second)),
  );
  r.get(
    '/api/public/log/draws/:drawId',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '摇号的日志条目与收录证明 / a draw’s entries with inclusion proofs',
        params: z.object({ drawId: z.string().min(1).max(200) }),
        response: responses(logViewSchema),
      },
    },
    async (req) => drawLogView(db, req.params.drawId),
  );
  r.get(
    '/api/public/log/tasks/:taskId',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '任务的全部承诺及其结果 / every commitment of a task, with outcome and reason',
        params: z.object({ taskId: z.string().min(1).max(200) }),
        response: responses(logViewSchema.extend({ commitments: z.array(commitmentHistorySchema) })),
      },
    },
    async (req) => taskLogView(db, req.params.taskId),
  );
  r.post(
    '/api/log/sign',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags,
        summary: '立即签名树头 / sign a tree head now',
        response: responses(signedTreeHeadSchema),
      },
    },
    async (_req, reply) => {
      if (deps.logKey === undefined) {
        return sendError(
          reply,
          domainError('INVALID_STATE', '本进程没有日志签名密钥', 'this process holds no log signing key'),
        );
      }
      return signTreeHead(db, deps.logKey, deps.clock());
    },
  );
  r.get(
    '/.well-known/ssj-log-key',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: '日志公钥 / the log’s public keys (ssj-log/1 §6)',
        response: responses(logKeysDocumentSchema),
      },
    },
    async () => ({
      log: LOG_SPEC,
      keys: (await allLogKeys(db)).map((k) => ({
        keyId: k.keyId,
        algorithm: 'Ed25519' as const,
        publicKey: k.publicKey,
        createdAt: k.createdAt.toISOString(),
        retiredAt: k.retiredAt?.toISOString() ?? null,
      })),
    }),
  );
}
