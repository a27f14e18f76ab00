/** Oversight (issue 6): statistics, fairness tests, joint-inspection figures and evaluation scoring. */
export * from './statistics';
export * from './fairness';
export * from './joint';
export * from './evaluation';
export * from './evaluation-config';
