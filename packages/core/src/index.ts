/** @openssj/core — the pure domain: draw, assignment, rules, risk, validation. */
export * from './result';
export * from './errors';
export * from './org';
export * from './access';
export * from './reference';
export * from './targets';
export * from './calendar';
export * from './draw';
export * from './library';
export * from './inspection';
export * from './publication';
export * from './workflow';
export * from './risk';
export * from './oversight';
export * from './log';
export * from './text';
