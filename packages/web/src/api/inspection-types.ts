/** Types of the inspection, review, publication and portal-result replies, derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type VisitListItem = Json<paths['/api/inspections/mine']['get']['responses'][200]>['items'][number];
export type VisitView = Json<paths['/api/inspections/{id}']['get']['responses'][200]>;
export type VisitItemView = VisitView['items'][number];
export type VisitResultView = VisitView['results'][number];
export type DraftBody = Json<paths['/api/inspections/{id}/draft']['put']['requestBody']>;
export type DraftResult = DraftBody['results'][number];
export type PhotoBody = Json<paths['/api/inspections/{id}/photos']['post']['requestBody']>;
export type SignatureBody = Json<paths['/api/inspections/{id}/signature']['put']['requestBody']>['signature'];
export type TaskDeadline = Json<
  paths['/api/publication/deadlines']['get']['responses'][200]
>['items'][number];
export type FollowUpRow = Json<paths['/api/follow-ups']['get']['responses'][200]>['items'][number];
export type FollowUpBody = Json<paths['/api/inspections/{id}/follow-ups']['post']['requestBody']>;
export type Coverage = Json<paths['/api/holidays/coverage']['get']['responses'][200]>;
export type HolidayDay = Json<paths['/api/holidays']['get']['responses'][200]>['items'][number];
export type PublicResultPage = Json<paths['/api/public/results']['get']['responses'][200]>;
export type PublicResultRow = PublicResultPage['items'][number];
export type PublicResultDetail = Json<paths['/api/public/results/{id}']['get']['responses'][200]>;
