/**
 * The database schema (Drizzle pg-core), one file per table group. One schema for PGlite and
 * PostgreSQL 15+. Migrations in db/migrations are generated from it with drizzle-kit and never
 * edited.
 */
export * from './platform';
export * from './library';
export * from './workflow';
export * from './draw';
export * from './inspection';
export * from './risk';
export * from './oversight';
export * from './log';
