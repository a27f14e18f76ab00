/** @openssj/server — HTTP API, database and services. */
export { buildApp } from './app';
export { runServer, startServer, openDatabase } from './main';
export { loadConfig } from './config';
