/**
 * `ssj openapi`: print the OpenAPI document (the web client's types are generated from it).
 */
import process from 'node:process';
import { buildApp, loadConfig, type Database } from '@openssj/server';

/** A database that refuses every use: generating the document runs no handler. */
function noDatabase(): Database {
  const refuse = (): never => {
    throw new Error('ssj openapi opens no database');
  };
  return {
    db: new Proxy({}, { get: refuse }) as Database['db'],
    engine: 'postgres',
    where: 'none',
    close: async () => {},
  };
}

/** Print the document as JSON. */
export async function run(_argv: readonly string[]): Promise<number> {
  const app = await buildApp({
    database: noDatabase(),
    config: loadConfig({}),
    clock: () => new Date(0),
    webDist: null,
  });
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  return 0;
}
