/** The workflow's rules: plans, tasks, ratio caps, seeds, scheme generation and overlaps. */
export * from './task-spec';
export * from './ratio-cap-rule';
export * from './plan-flow';
export * from './seed-input';
export * from './scheme';
export * from './overlap';
export * from './sides';
