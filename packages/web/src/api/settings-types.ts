/** Types of the settings replies (issue 6: evaluation criteria, adjacent regions), derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CriteriaView = Json<paths['/api/evaluation/criteria']['get']['responses'][200]>;
export type FallbackView = Json<paths['/api/cross-region/fallback']['get']['responses'][200]>;
export type FallbackList = Json<paths['/api/cross-region/fallbacks']['get']['responses'][200]>;
export type OrgRegion = Json<paths['/api/org']['get']['responses'][200]>['regions'][number];
