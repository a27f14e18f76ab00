/** Target library (检查对象名录库): fields, statuses, risk tiers and validation. */
export * from './target';
