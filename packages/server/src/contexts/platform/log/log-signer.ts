/**
 * The periodic log signer (ssj-log/1 §3.7 and §5): every SSJ_LOG_SIGN_MINUTES it appends an
 * audit checkpoint when the last one is an hour old and the chain grew, and signs a new tree
 * head when the log grew. It also runs once at start-up.
 */
import type { Database } from '../../../db/client';
import { inTransaction } from '../../../db/tx';
import { ok } from '@openssj/core';
import type { LogKeySource, LogSigningKey } from './log-key';
import { lastCheckpointAt } from './log.repo';
import { appendAuditCheckpoint, signTreeHead } from './log.service';

const HOUR = 60 * 60 * 1000;

/** One round: hourly checkpoint, then a head if the log grew. */
export async function logSignerTick(database: Database, key: LogSigningKey, now: Date): Promise<void> {
  const last = await lastCheckpointAt(database.db);
  if (last === null || now.getTime() - last.getTime() >= HOUR) {
    await inTransaction(database.db, async (tx) => ok(await appendAuditCheckpoint(tx, now)));
  }
  const head = await signTreeHead(database.db, key, now);
  if (!head.ok) {
    throw new Error(head.error.messageEn); // reported by the timer's onError, retried next round
  }
}

/** Start the timer; returns a function that stops it and waits for a running round. */
export function startLogSigner(
  database: Database,
  keys: LogKeySource,
  minutes: number,
  clock: () => Date,
  onError: (e: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const round = (): void => {
    running = running.then(() => logSignerTick(database, keys.current(), clock())).catch(onError);
  };
  round();
  const timer = setInterval(round, Math.min(minutes, 60) * 60 * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
