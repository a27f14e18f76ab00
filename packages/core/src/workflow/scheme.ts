/**
 * Plan scheme generation (抽查方案自动生成): from items, the lead and cooperating departments,
 * a scope, a grouping and ratios, the list of tasks with estimated frame sizes and visit
 * counts. Pure: the host supplies the frame estimates (SQL counts); the admin edits the result.
 */
import { parseRatio, sampleSize } from '../draw/sample-size';
import { defaultQuota, type StratumSpec, type TaskScope } from './task-spec';

/** How the generated tasks are cut. */
export type SchemeGrouping = 'joint' | 'byDepartment' | 'byDivision';

/** An item as the scheme needs it. */
export interface SchemeItem {
  readonly id: string;
  readonly departmentCode: string;
  readonly name: string;
}

/** What the admin asks for. */
export interface SchemeRequest {
  readonly titlePrefix: string;
  readonly lead: string;
  readonly cooperating: readonly string[];
  readonly items: readonly SchemeItem[];
  readonly scope: TaskScope;
  readonly grouping: SchemeGrouping;
  readonly strata: readonly StratumSpec[];
  readonly windowStart: string;
  readonly windowEnd: string;
}

/** One generated task before estimates. */
export interface SchemeTaskShape {
  readonly title: string;
  readonly lead: string;
  readonly participants: readonly string[];
  readonly itemIds: readonly string[];
  readonly scope: TaskScope;
}

/** One generated task with its estimate. */
export interface SchemeTask extends SchemeTaskShape {
  readonly strata: readonly (StratumSpec & {
    readonly frameEstimate: number;
    readonly sampleEstimate: number;
  })[];
  readonly quota: Readonly<Record<string, number>>;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** Visits (进一次门): one per selected target, whatever the number of departments. */
  readonly visits: number;
  /** Visits the same departments would make inspecting separately. */
  readonly separateVisits: number;
}

/** The task shapes of a request (no estimates yet). */
export function schemeShapes(req: SchemeRequest): SchemeTaskShape[] {
  const depts = [req.lead, ...req.cooperating.filter((d) => d !== req.lead)];
  const itemsOf = (d: string) => req.items.filter((i) => i.departmentCode === d).map((i) => i.id);
  const withItems = depts.filter((d) => itemsOf(d).length > 0);
  switch (req.grouping) {
    case 'joint':
      return [
        {
          title: `${req.titlePrefix}（联合）`,
          lead: req.lead,
          participants: withItems.filter((d) => d !== req.lead),
          itemIds: req.items.map((i) => i.id),
          scope: req.scope,
        },
      ];
    case 'byDepartment':
      return withItems.map((d) => ({
        title: `${req.titlePrefix}（${d}）`,
        lead: d,
        participants: [],
        itemIds: itemsOf(d),
        scope: req.scope,
      }));
    case 'byDivision': {
      const divisions = req.scope.divisions.length > 0 ? req.scope.divisions : [];
      if (divisions.length === 0) {
        return schemeShapes({ ...req, grouping: 'joint' });
      }
      return divisions.map((div) => ({
        title: `${req.titlePrefix}（${div}）`,
        lead: req.lead,
        participants: withItems.filter((d) => d !== req.lead),
        itemIds: req.items.map((i) => i.id),
        scope: { ...req.scope, divisions: [div] },
      }));
    }
  }
}

/** Attach estimates: `frames[i][s]` is the estimated frame size of shape i, stratum s. */
export function estimateScheme(
  req: SchemeRequest,
  shapes: readonly SchemeTaskShape[],
  frames: readonly (readonly number[])[],
): SchemeTask[] {
  return shapes.map((shape, i) => {
    const strata = req.strata.map((s, j) => {
      const frameEstimate = frames[i]?.[j] ?? 0;
      const r = parseRatio(s.ratio);
      return {
        ...s,
        frameEstimate,
        sampleEstimate: r.ok ? sampleSize(frameEstimate, r.value, s.min, s.max) : 0,
      };
    });
    const visits = strata.reduce((a, s) => a + s.sampleEstimate, 0);
    const deptCount = 1 + shape.participants.length;
    return {
      ...shape,
      strata,
      quota: defaultQuota(shape.lead, shape.participants),
      windowStart: req.windowStart,
      windowEnd: req.windowEnd,
      visits,
      separateVisits: visits * deptCount,
    };
  });
}
