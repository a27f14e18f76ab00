/** A visit made through the API for the phone journeys (issues 5 and 15). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { api, committedTask, login, type Session } from './journey';

/**
 * Put `inspector` and `inspector2` on one drawn visit of a run draw (直接委派 through the draw's
 * overrides); the first visit that takes them, or null.
 */
export async function assignTeam(
  base: string,
  admin: Session,
  taskId: string,
  drawId: string,
  reason: string,
): Promise<{ id: string; targetId: string; name: string } | null> {
  const users = await api<{ items: { username: string; inspectorBadge: string | null }[] }>(
    base,
    admin,
    'GET',
    '/api/users',
  );
  const badges = ['inspector', 'inspector2'].map(
    (u) => users.json.items.find((x) => x.username === u)?.inspectorBadge ?? '',
  );
  const visits = await api<{ items: { id: string; target: { id: string; name: string } }[] }>(
    base,
    admin,
    'GET',
    `/api/inspections?taskId=${taskId}`,
  );
  expect(visits.json.items.length).toBeGreaterThan(0);
  for (const v of visits.json.items) {
    const detail = await api<{ team: { inspectorId: string }[] }>(
      base,
      admin,
      'GET',
      `/api/inspections/${v.id}`,
    );
    const add = badges.filter((b) => !detail.json.team.some((m) => m.inspectorId === b));
    const r =
      add.length === 0
        ? { status: 200 }
        : await api(base, admin, 'POST', `/api/draws/${drawId}/overrides`, {
            target: v.target.id,
            inspectors: add,
            reason,
          });
    if (r.status === 200) {
      return { id: v.id, targetId: v.target.id, name: v.target.name };
    }
  }
  return null;
}

/** Make a visit for `inspector` + `inspector2`; returns its id and target name. */
export async function makeVisit(
  base: string,
  names: { planTitle: string; title: string } = { planTitle: '移动检查演示计划', title: '移动检查演示任务' },
): Promise<{ id: string; name: string }> {
  const admin = await login(base, 'admin');
  const leader = await login(base, 'leader');
  const { taskId, drawId } = await committedTask(base, admin, leader, {
    ...names,
    ratio: '0.001',
    seedSource: 'system',
  });
  expect((await api(base, admin, 'POST', `/api/draws/${drawId}/run`, {})).status).toBe(200);
  const visit = await assignTeam(base, admin, taskId, drawId, '演示：指派移动端检查人员');
  if (visit === null) {
    throw new Error('no visit could be assigned');
  }
  return { id: visit.id, name: visit.name };
}

/** Answer every checklist field of the visit page: each select's first option, 是, and 10 in numbers. */
export async function fillChecklist(page: Page): Promise<void> {
  for (const select of await page.locator('.ant-card .ant-select').all()) {
    await select.click();
    await page.keyboard.press('Enter'); // the first (active) option
  }
  for (const radio of await page.locator('.ant-radio-group').all()) {
    await radio.getByText('是').click();
  }
  for (const n of await page.locator('.ant-input-number input').all()) {
    await n.fill('10');
  }
}

/** A teammate without a phone confirms on this one with their own account (issue 11). */
export async function teammateConfirms(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('button', { name: '同事在本机确认' }).click();
  await page.getByLabel('同事的用户名').fill(username);
  await page.getByLabel('同事的密码').fill(password);
  await page.getByRole('button', { name: '确认检查记录', exact: true }).click();
}
