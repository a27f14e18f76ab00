/** Types of the dashboard, joint, evaluation and fairness replies (issue 6), derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Dashboard = Json<paths['/api/dashboard/metrics']['get']['responses'][200]>;
export type DashboardRecords = Json<paths['/api/dashboard/records']['get']['responses'][200]>;
export type RecordsQuery = NonNullable<paths['/api/dashboard/records']['get']['parameters']['query']>;
export type FairnessReport = Json<paths['/api/dashboard/fairness']['get']['responses'][200]>;
export type JointSuggestion = Json<paths['/api/joint/suggestions']['get']['responses'][200]>['items'][number];
export type JointProposal = Json<paths['/api/joint/proposals']['get']['responses'][200]>['items'][number];
export type EvaluationReport = Json<paths['/api/evaluation/report']['get']['responses'][200]>;
