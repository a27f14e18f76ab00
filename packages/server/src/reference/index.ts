/** Node-side loaders of reference data for the core calendar and tables. */
export * from './holidays';
