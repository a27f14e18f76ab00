/**
 * Starts one real server per engine for all e2e journeys (demo data seeding takes a while,
 * so the journeys share them): PGlite, as `npm start` runs, and PostgreSQL.
 */
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteUrl: string;
    postgresUrl: string;
  }
}

let servers: RunningServer[] = [];

/** Start both servers. */
export async function setup(project: TestProject): Promise<void> {
  servers = await Promise.all([startServer('pglite'), startServer('postgres')]);
  const [pglite, postgres] = servers;
  if (pglite === undefined || postgres === undefined) {
    throw new Error('servers did not start');
  }
  project.provide('pgliteUrl', pglite.url);
  project.provide('postgresUrl', postgres.url);
}

/** Stop both servers. */
export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}
