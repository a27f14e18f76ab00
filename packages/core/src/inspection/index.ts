/** Inspections (检查), results (检查结果), review and follow-up (后续处置): categories, transitions, checks, deadlines. */
export * from './result-category';
export * from './follow-up';
export * from './status';
export * from './visit';
export * from './deadline';
export * from './method';
export * from './evidence';
export * from './appeal';
