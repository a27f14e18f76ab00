/** Demo data: deterministic records for `npm start` and the tests. */
export * from './demo.types';
export * from './generate-demo';
export { DEMO_ACCOUNTS } from './users.demo';
export { DEFAULT_RATIO_CAP } from './items.demo';
export { RESULT_CATEGORIES, FOLLOW_UPS } from './item-catalog.demo';
export { createRng, type Rng } from './prng';
