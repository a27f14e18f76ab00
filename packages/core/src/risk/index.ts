/** Credit-risk tiers (信用风险分级分类, issue 6): indicators, model config, score, usage rate. */
export * from './indicators';
export * from './model-config';
export * from './score';
export * from './usage';
export * from './alerts';
