/** Types of the item list and inspector library replies and bodies, derived from the generated `paths`. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ItemPage = Json<paths['/api/items']['get']['responses'][200]>;
export type ItemSummary = ItemPage['items'][number];
export type ItemView = Json<paths['/api/items/{id}']['get']['responses'][200]>;
export type ItemVersion = Json<paths['/api/items/{id}/versions']['get']['responses'][200]>['items'][number];
export type NewItemBody = Json<paths['/api/items']['post']['requestBody']>;
export type ItemRevisionBody = Json<paths['/api/items/{id}']['patch']['requestBody']>;
export type GuidelineView = ItemView['guideline'];
export type ChecklistFieldView = GuidelineView['form'][number];

export type InspectorView = Json<paths['/api/inspectors']['get']['responses'][200]>['items'][number];
export type NewInspectorBody = Json<paths['/api/inspectors']['post']['requestBody']>;
export type InspectorPatchBody = Json<paths['/api/inspectors/{id}']['patch']['requestBody']>;
export type RecusalView = Json<paths['/api/recusals']['get']['responses'][200]>['items'][number];
export type NewRecusalBody = Json<paths['/api/recusals']['post']['requestBody']>;
