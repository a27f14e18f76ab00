/**
 * ssj-log/1 public endpoints (docs/ssj-log-v1.md §7), RFC 9162 shapes in JSON, no login; the
 * signing-key document at /.well-known/ssj-log-key; on-demand signing for the system admin.
 */
import { logKeysDocumentSchema, ok, signedTreeHeadSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endpoints } from './http/endpoint';
import { publicAccess, rolesAccess } from './http/route';
import { commitmentHistorySchema, drawLogView, loggedEntrySchema, taskLogView } from './log/log-view.service';
import { consistencyBetween } from './log/log.service';
import {
  latestPublicTreeHead,
  logEntries,
  logKeysDocument,
  proofByHashAt,
  publicTreeHeads,
  signTreeHeadNow,
} from './log/log-read.service';
import type { ServiceDeps } from './context';

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 / expected 64 lowercase hex');

const entryRowSchema = z.object({ index: z.number(), leafHash: z.string(), entry: z.string() });
const logViewSchema = z.object({ sth: signedTreeHeadSchema.nullable(), entries: z.array(loggedEntrySchema) });

/** Register the log routes. */
export async function registerLogRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const log = endpoints(app, 'log');
  const db = deps.database.db;

  log.get({
    url: '/api/public/log/sth',
    summary: '最新签名树头 / latest signed tree head',
    access: publicAccess,
    response: signedTreeHeadSchema,
    run: () => latestPublicTreeHead(db),
  });
  log.get({
    url: '/api/public/log/sths',
    summary: '历次签名树头 / past signed tree heads, oldest first',
    access: publicAccess,
    query: z.object({
      from: size.default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ sths: z.array(signedTreeHeadSchema) }),
    run: (c) => publicTreeHeads(db, c.query.from, c.query.limit),
  });
  log.get({
    url: '/api/public/log/entries',
    summary: '按范围读取日志条目 / entries by range (end inclusive, at most 1000)',
    access: publicAccess,
    query: z.object({ start: size, end: size }),
    response: z.object({ entries: z.array(entryRowSchema) }),
    run: (c) => logEntries(db, c.query.start, c.query.end),
  });
  log.get({
    url: '/api/public/log/proof-by-hash',
    summary: '收录证明 / inclusion proof by leaf hash',
    access: publicAccess,
    query: z.object({ hash: hex64, treeSize: size.optional() }),
    response: z.object({ leafIndex: z.number(), treeSize: z.number(), inclusionPath: z.array(z.string()) }),
    run: (c) => proofByHashAt(db, c.query.hash, c.query.treeSize),
  });
  log.get({
    url: '/api/public/log/consistency',
    summary: '一致性证明 / consistency proof between two tree sizes',
    access: publicAccess,
    query: z.object({ first: size, second: size }),
    response: z.object({ first: z.number(), second: z.number(), consistency: z.array(z.string()) }),
    run: (c) => consistencyBetween(db, c.query.first, c.query.second),
  });
  log.get({
    url: '/api/public/log/draws/:drawId',
    summary: '摇号的日志条目与收录证明 / a draw’s entries with inclusion proofs',
    access: publicAccess,
    params: z.object({ drawId: z.string().min(1).max(200) }),
    response: logViewSchema,
    run: async (c) => ok(await drawLogView(db, c.params.drawId)),
  });
  log.get({
    url: '/api/public/log/tasks/:taskId',
    summary: '任务的全部承诺及其结果 / every commitment of a task, with outcome and reason',
    access: publicAccess,
    params: z.object({ taskId: z.string().min(1).max(200) }),
    response: logViewSchema.extend({ commitments: z.array(commitmentHistorySchema) }),
    run: async (c) => ok(await taskLogView(db, c.params.taskId)),
  });
  log.post({
    url: '/api/log/sign',
    summary: '立即签名树头 / sign a tree head now',
    access: rolesAccess('system_admin'),
    response: signedTreeHeadSchema,
    run: () => signTreeHeadNow(deps),
  });
  log.get({
    url: '/.well-known/ssj-log-key',
    summary: '日志公钥 / the log’s public keys (ssj-log/1 §6)',
    access: publicAccess,
    response: logKeysDocumentSchema,
    run: () => logKeysDocument(db),
  });
}
