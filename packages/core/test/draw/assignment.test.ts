/** Assignment (spec §5): the optimised assignTeams equals the spec pseudocode, and team properties hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTeams, compareUtf8, ticket, type AssignmentInput, type PoolEntry } from '../../src/draw';

/** The §5 pseudocode, line by line, with full ticket strings. */
function reference(input: AssignmentInput) {
  const cap = new Map(input.pool.map((p) => [p.id, p.capacity]));
  return input.targets.map((t) => {
    const open = new Map(Object.entries(input.quota));
    const team: string[] = [];
    const candidates = input.pool
      .map((i) => ({ i, fb: i.fallback ? 1 : 0, t: ticket(input.seed, t.id + '/' + i.id) }))
      .sort((a, b) => a.fb - b.fb || (a.t < b.t ? -1 : a.t > b.t ? 1 : compareUtf8(a.i.id, b.i.id)));
    for (const { i } of candidates) {
      if (![...open.values()].some((n) => n > 0)) {
        break;
      }
      const o = open.get(i.department);
      if (o === undefined || o === 0) {
        continue;
      }
      if (input.pairExclusions.some((x) => x.target === t.id && x.inspector === i.id)) {
        continue;
      }
      if (input.jurisdictionRule && i.unit !== null && i.unit === t.unit) {
        continue;
      }
      const c = cap.get(i.id);
      if (c !== null && c !== undefined && c === 0) {
        continue;
      }
      team.push(i.id);
      open.set(i.department, o - 1);
      if (c !== null && c !== undefined) {
        cap.set(i.id, c - 1);
      }
    }
    const rest = Object.fromEntries([...open].filter(([, n]) => n > 0));
    return {
      target: t.id,
      inspectors: team,
      status: Object.keys(rest).length === 0 ? 'filled' : 'unfilled',
      open: rest,
    };
  });
}

const depts = ['D1', 'D2', 'D3'];
const units = ['U1', 'U2', null];
const inputArb: fc.Arbitrary<AssignmentInput> = fc
  .record({
    seed: fc.string({ maxLength: 8 }),
    pool: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[0-9]{3}$/),
        department: fc.constantFrom(...depts),
        unit: fc.constantFrom(...units),
        capacity: fc.option(fc.nat({ max: 3 }), { nil: null }),
        fallback: fc.boolean(),
      }),
      { selector: (p) => p.id, maxLength: 10 },
    ),
    targets: fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^T[0-9]{2}$/), unit: fc.constantFrom('U1', 'U2', null) }),
      { selector: (t) => t.id, maxLength: 10 },
    ),
    quota: fc.dictionary(fc.constantFrom(...depts, 'D9'), fc.integer({ min: 1, max: 3 }), {
      minKeys: 1,
      maxKeys: 3,
    }),
    jurisdictionRule: fc.boolean(),
    exclusionSeeds: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  })
  .map(({ exclusionSeeds, ...r }) => ({
    ...r,
    pool: [...r.pool].sort((a, b) => compareUtf8(a.id, b.id)),
    pairExclusions: exclusionSeeds.flatMap(([a, b]) => {
      const t = r.targets[a % Math.max(1, r.targets.length)];
      const i = r.pool[b % Math.max(1, r.pool.length)];
      return t !== undefined && i !== undefined ? [{ target: t.id, inspector: i.id }] : [];
    }),
  }));

describe('assignment (spec §5)', { timeout: 30_000 }, () => {
  it('equals the spec pseudocode', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(JSON.parse(JSON.stringify(assignTeams(input)))).toEqual(reference(input));
      }),
      { numRuns: 120 },
    );
  });

  it('every team meets quota and exclusions, or is unfilled with the right open; capacities hold', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const teams = assignTeams(input);
        const byId = new Map<string, PoolEntry>(input.pool.map((p) => [p.id, p]));
        const used = new Map<string, number>();
        teams.forEach((team, n) => {
          const t = input.targets[n];
          expect(team.target).toBe(t?.id);
          expect(new Set(team.inspectors).size).toBe(team.inspectors.length);
          const perDept = new Map<string, number>();
          for (const id of team.inspectors) {
            const i = byId.get(id);
            expect(i).toBeDefined();
            if (i === undefined || t === undefined) {
              continue;
            }
            expect(input.pairExclusions.some((x) => x.target === t.id && x.inspector === id)).toBe(false);
            if (input.jurisdictionRule && t.unit !== null) {
              expect(i.unit).not.toBe(t.unit);
            }
            perDept.set(i.department, (perDept.get(i.department) ?? 0) + 1);
            used.set(id, (used.get(id) ?? 0) + 1);
            if (i.capacity !== null) {
              expect(used.get(id)).toBeLessThanOrEqual(i.capacity);
            }
          }
          const open: Record<string, number> = {};
          for (const [d, q] of Object.entries(input.quota)) {
            const got = perDept.get(d) ?? 0;
            expect(got).toBeLessThanOrEqual(q);
            if (got < q) {
              open[d] = q - got;
              // unfilled only when nobody eligible of that department was left
              for (const i of input.pool.filter(
                (p) => p.department === d && !team.inspectors.includes(p.id),
              )) {
                const blocked =
                  input.pairExclusions.some((x) => x.target === t?.id && x.inspector === i.id) ||
                  (input.jurisdictionRule && i.unit !== null && i.unit === t?.unit) ||
                  (i.capacity !== null && (used.get(i.id) ?? 0) >= i.capacity);
                expect(blocked).toBe(true);
              }
            }
          }
          expect(team.open).toEqual(open);
          expect(team.status).toBe(Object.keys(open).length === 0 ? 'filled' : 'unfilled');
        });
      }),
      { numRuns: 120 },
    );
  });

  it('pinned: fallback entries are used only after every primary candidate', () => {
    const pool: PoolEntry[] = [
      { id: 'F1', department: 'D', unit: null, capacity: null, fallback: true },
      { id: 'P1', department: 'D', unit: null, capacity: 1, fallback: false },
      { id: 'P2', department: 'D', unit: null, capacity: null, fallback: false },
    ];
    const teams = assignTeams({
      seed: 's',
      targets: [
        { id: 'T1', unit: null },
        { id: 'T2', unit: null },
      ],
      pool,
      quota: { D: 2 },
      pairExclusions: [],
      jurisdictionRule: false,
    });
    expect([...(teams[0]?.inspectors ?? [])].sort()).toEqual(['P1', 'P2']);
    expect([...(teams[1]?.inspectors ?? [])].sort()).toEqual(['F1', 'P2']); // P1's capacity is spent
  });

  it('pinned: capacity 0 is valid and never taken; a quota department with nobody stays open', () => {
    const pool: PoolEntry[] = [
      { id: 'A', department: 'D', unit: null, capacity: 0, fallback: false },
      { id: 'B', department: 'D', unit: null, capacity: null, fallback: false },
    ];
    const [team] = assignTeams({
      seed: 's',
      targets: [{ id: 'T', unit: null }],
      pool,
      quota: { D: 1, E: 1 },
      pairExclusions: [],
      jurisdictionRule: false,
    });
    expect(team).toEqual({ target: 'T', inspectors: ['B'], status: 'unfilled', open: { E: 1 } });
  });
});
