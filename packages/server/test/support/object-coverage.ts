/**
 * What the object-level matrix (object-matrix.test.ts) must cover: which OpenAPI operations touch
 * an owned resource, and those probed in other tests instead, each with where and why.
 */
/**
 * Operations that name an owned resource but are probed elsewhere, each with where and why.
 * Every other such operation must have a probe above.
 */
const SYSTEM_ADMIN_ONLY = 'system administrators only: no object-level dimension (route-matrix.test.ts)';
export const ELSEWHERE: Readonly<Record<string, string>> = {
  'POST /api/departments': SYSTEM_ADMIN_ONLY,
  'POST /api/users': SYSTEM_ADMIN_ONLY,
  'PATCH /api/users/{id}': SYSTEM_ADMIN_ONLY,
  'PUT /api/item-settings/ratio-cap': SYSTEM_ADMIN_ONLY,
  'PUT /api/cross-region/fallback': SYSTEM_ADMIN_ONLY,
  'PATCH /api/inspectors/{id}':
    "library/inspectors.routes.test.ts: another department's PATCH is refused (department.write)",
  'PUT /api/risk/model':
    'risk/risk-scoring.test.ts: needs a whole model; other regions and departments refused',
  'POST /api/risk/runs': 'risk/risk-scoring.test.ts: starts a scoring job; another region is refused',
  'PUT /api/evaluation/criteria':
    'region-settings.test.ts: needs a whole config; its region.write rule is probed here by DELETE',
  'PUT /api/appeal-terms':
    'inspection/appeals.test.ts: sets and reads back a region; its region.write rule is probed here by DELETE',
  'POST /api/units': 'route-matrix + admin.routes.test.ts: a unit in another department is refused',
  'GET /api/audit': "route-matrix + admin.routes.test.ts: another department's rows are refused",
  'GET /api/audit/export': "route-matrix: another department's rows are refused",
};

/** Does an OpenAPI operation name a department-, region- or target-owned resource? */
export function touchesOwnedResource(path: string, op: OpenApiOperation): boolean {
  const names = (op.parameters ?? []).map((p) => p.name);
  const body = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
  return (
    path.startsWith('/api/targets') ||
    names.some((n) => ['department', 'region', 'division', 'claimedBy'].includes(n)) ||
    ['departmentCode', 'regionCode', 'divisionCode'].some((k) => k in body)
  );
}

export interface OpenApiOperation {
  readonly parameters?: readonly { readonly name: string }[];
  readonly requestBody?: {
    readonly content?: Record<
      string,
      { readonly schema?: { readonly properties?: Record<string, unknown> } }
    >;
  };
}
