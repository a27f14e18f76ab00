/** Types of the target library and import replies, derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type TargetPage = Json<paths['/api/targets']['get']['responses'][200]>;
export type TargetRowView = TargetPage['items'][number];
export type TargetQuery = NonNullable<paths['/api/targets']['get']['parameters']['query']>;
export type TargetDetail = Json<paths['/api/targets/{id}']['get']['responses'][200]>;
export type TargetBody = Json<paths['/api/targets']['post']['requestBody']>;
export type ClaimBody = Json<paths['/api/targets/claims']['post']['requestBody']>;
export type ClaimListReply = Json<paths['/api/targets/claims/upload']['post']['responses'][200]>;
export type ImportJob = Json<paths['/api/imports/jobs/{id}']['get']['responses'][200]>;
export type ImportStart = Json<paths['/api/imports']['post']['responses'][201]>;
export type ImportQuery = paths['/api/imports']['post']['parameters']['query'];
