/** @openssj/core — the pure domain: draw, assignment, rules, risk, validation. */
export * from './result';
export * from './errors';
export * from './org';
export * from './reference';
export * from './calendar';
