/** Reference data and identifiers: USCC, target keys, GB/T 2260 divisions, GB/T 4754 industries. */
export * from './uscc';
export * from './target-key';
export * from './division';
export * from './industry';
export { GBT2260_SOURCE, GBT2260_COUNTS } from './data/gbt2260';
export { GBT4754_SOURCE, GBT4754_COUNTS } from './data/gbt4754-2017';
