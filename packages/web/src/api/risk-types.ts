/** Types of the credit-risk replies (issue 6), derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RiskModelView = Json<paths['/api/risk/model']['get']['responses'][200]>;
export type RiskModelConfig = RiskModelView['config'];
export type RiskRun = Json<paths['/api/risk/runs/{id}']['get']['responses'][200]>;
export type TargetRisk = Json<paths['/api/risk/targets/{id}']['get']['responses'][200]>;
export type RiskContribution = NonNullable<TargetRisk['computed']>['contributions'][number];
export type RiskDistribution = Json<paths['/api/risk/distribution']['get']['responses'][200]>;
export type RiskUsage = Json<paths['/api/risk/usage']['get']['responses'][200]>;
export type RiskAlert = Json<paths['/api/risk-alerts']['get']['responses'][200]>['items'][number];
export type AlertSummary = Json<paths['/api/risk-alerts/summary']['get']['responses'][200]>;
export type AlertSource = AlertSummary['sources'][number];
export type AlertSourceSecret = Json<paths['/api/alert-sources']['post']['responses'][201]>;
