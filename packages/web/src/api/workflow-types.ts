/** Types of the plan, task and draw replies and bodies (issue 5), derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type PlanView = Json<paths['/api/plans']['get']['responses'][200]>['items'][number];
export type PlanDetail = Json<paths['/api/plans/{id}']['get']['responses'][200]>;
export type TaskView = PlanDetail['tasks'][number];
export type TaskSpecBody = Json<paths['/api/plans/{id}/tasks']['post']['requestBody']>;
export type StratumSpec = TaskSpecBody['strata'][number];
export type PlanActionBody = Json<paths['/api/plans/{id}/actions']['post']['requestBody']>;
export type CityView = Json<paths['/api/plans/city']['get']['responses'][200]>;
export type SchemeBody = Json<paths['/api/plans/{id}/scheme']['post']['requestBody']>;
export type SchemeResult = Json<paths['/api/plans/{id}/scheme']['post']['responses'][200]>;
export type TaskDetail = Json<paths['/api/tasks/{id}']['get']['responses'][200]>;
export type DrawSummary = TaskDetail['draws'][number];
export type DrawDetail = Json<paths['/api/draws/{id}']['get']['responses'][200]>;
export type DrawSelection = DrawDetail['selections'][number];
export type AbandonRequest = Json<paths['/api/abandon-requests']['get']['responses'][200]>[number];
export type CommitBody = Json<paths['/api/draws/{id}/commit']['post']['requestBody']>;
export type NoticeView = Json<paths['/api/draws/{id}/notices/{targetId}']['get']['responses'][200]>;
export type PublicDrawList = Json<paths['/api/public/draws']['get']['responses'][200]>;
export type PublicDraw = Json<paths['/api/public/draws/{id}']['get']['responses'][200]>;
export type PublicPlans = Json<paths['/api/public/plans']['get']['responses'][200]>['items'];
