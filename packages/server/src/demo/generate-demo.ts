/**
 * The demo data set, deterministic from a seed. Each section draws from its own stream
 * (`<seed>/targets`, …), so adding a section later does not change the existing ones.
 * Later issues add plans, draws, inspections and history here.
 */
import { demoDepartments, demoRegions, demoUnits } from './org.demo';
import { demoItems } from './items.demo';
import { demoTargets } from './targets.demo';
import { demoInspectors, demoRecusals } from './inspectors.demo';
import { demoUsers, recusalRecorder } from './users.demo';
import { createRng } from './prng';
import type { DemoData } from './demo.types';

export const DEFAULT_DEMO_SEED = 'openssj-demo-2026';

export interface DemoOptions {
  /** Number of targets; 50,000 by default (issue 2). Tests may ask for fewer. */
  readonly targetCount?: number;
}

/** Generate the whole demo data set from a seed. */
export function generateDemo(seed = DEFAULT_DEMO_SEED, options: DemoOptions = {}): DemoData {
  const regions = demoRegions();
  const departments = demoDepartments();
  const units = demoUnits(departments);
  const items = demoItems(departments);
  const targets = demoTargets(createRng(`${seed}/targets`), units, options.targetCount);
  const inspectors = demoInspectors(createRng(`${seed}/inspectors`), departments, units);
  const users = demoUsers(inspectors);
  const recusals = demoRecusals(createRng(`${seed}/recusals`), inspectors, targets, recusalRecorder(users));
  return { seed, regions, departments, units, users, items, targets, inspectors, recusals };
}
