/** @openssj/server — HTTP API, database and services. */
export { buildApp } from './contexts/platform/http/app';
export { runServer, startServer, openDatabase } from './main';
export { loadConfig } from './config';
