/**
 * The sides of a cross-region joint task (跨区域, issue 6; 000: 渝北 with 邻水 under one standard):
 * when a task that allows cross-region work has departments in more than one region, each visit
 * belongs to the side whose region holds the target (属地). That side records its own items, reviews
 * and publishes the visit; the other side's inspector on the mixed team joins and confirms.
 * The server's SQL (inspection.repo `onSideOf`) applies the same rule.
 */

/** A department of a task with its region (GB/T 2260). */
export interface SideDepartment {
  readonly code: string;
  readonly regionCode: string;
}

/** The side a visit belongs to: its departments (same region) and that region. */
export interface TaskSide {
  readonly departments: readonly string[];
  readonly regionCode: string;
}

/** The prefix a region's divisions share: 500112 → 500112, 511600 → 5116, 510000 → 51. */
export function regionPrefix(regionCode: string): string {
  return regionCode.replace(/(00)+$/, '');
}

/** Does the task split into sides: cross-region allowed and departments in two or more regions? */
export function isSidedTask(crossRegion: boolean, departments: readonly SideDepartment[]): boolean {
  return crossRegion && new Set(departments.map((d) => d.regionCode)).size > 1;
}

/**
 * The side of a target of a sided task: the departments of the most specific region that holds
 * the target's division; null when the task has no sides or no department's region holds it
 * (then every department of the task shares the visit, as in any joint task).
 */
export function sideOfTarget(
  crossRegion: boolean,
  departments: readonly SideDepartment[],
  divisionCode: string,
): TaskSide | null {
  if (!isSidedTask(crossRegion, departments)) {
    return null;
  }
  const holding = departments.filter((d) => divisionCode.startsWith(regionPrefix(d.regionCode)));
  const best = Math.max(...holding.map((d) => regionPrefix(d.regionCode).length));
  const side = holding.filter((d) => regionPrefix(d.regionCode).length === best);
  const first = side[0];
  return first === undefined ? null : { departments: side.map((d) => d.code), regionCode: first.regionCode };
}
