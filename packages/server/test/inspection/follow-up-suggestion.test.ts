/**
 * The one-click 按建议记录 (issue 11 part 4), on both engines: a finding that calls for a
 * correction order suggests one with a default deadline of 15 working days (Chinese calendar),
 * and recording the suggestion exactly as offered succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import {
  call,
  ITEM_A,
  loadInspectionWorld,
  type InspectionWorld,
  submitCompleteVisit,
} from '../support/inspection-fixtures';

describe.each(ENGINES)('follow-up suggestion with a deadline (%s)', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  const sessions = new Sessions();
  const who = sessions.who;
  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await sessions.login(t.app, ['insp_a', 'insp_a2', 'leader_a']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('suggests a correction order due 15 working days after the finding, recordable as offered', async () => {
    await submitCompleteVisit(t, who('insp_a'), who('insp_a2'), w.visit, '发现问题已责令改正');
    const view = await call<{ suggestions: { itemId: string; kind: string; deadline: string | null }[] }>(
      t.app,
      who('leader_a'),
      'GET',
      `/api/inspections/${w.visit}`,
    );
    const s0 = view.body.suggestions.find((x) => x.kind === 'correction_order');
    // found on Fri 2026-11-20: fifteen working days later is Fri 2026-12-11
    expect(s0).toMatchObject({ itemId: ITEM_A, deadline: '2026-12-11' });
    // exactly what the 按建议记录 button sends
    const f = await call<{ deadline: string; kind: string }>(
      t.app,
      who('leader_a'),
      'POST',
      `/api/inspections/${w.visit}/follow-ups`,
      { kind: s0?.kind, detail: '责令限期改正', itemId: s0?.itemId, deadline: s0?.deadline },
    );
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body).toMatchObject({ kind: 'correction_order', deadline: '2026-12-11' });
  });
});
