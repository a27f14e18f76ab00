/** Labels and colours of plan, task and draw statuses and seed sources, shared by the workflow pages. */
import type { MessageKey } from '../../../i18n/types';

export const PLAN_STATUS: Readonly<Record<string, { label: MessageKey; color: string }>> = {
  draft: { label: 'wf.plan.status.draft', color: 'default' },
  submitted: { label: 'wf.plan.status.submitted', color: 'processing' },
  approved: { label: 'wf.plan.status.approved', color: 'cyan' },
  published: { label: 'wf.plan.status.published', color: 'green' },
  revising: { label: 'wf.plan.status.revising', color: 'orange' },
};

export const DRAW_STATUS: Readonly<Record<string, { label: MessageKey; color: string }>> = {
  frozen: { label: 'wf.draw.status.frozen', color: 'blue' },
  committed: { label: 'wf.draw.status.committed', color: 'purple' },
  drawn: { label: 'wf.draw.status.drawn', color: 'green' },
  abandoned: { label: 'wf.draw.status.abandoned', color: 'red' },
};

export const SEED_SOURCE: Readonly<Record<string, MessageKey>> = {
  dice: 'wf.seed.dice',
  beacon: 'wf.seed.beacon',
  system: 'wf.seed.system',
};

export const PARTICIPANT_STATUS: Readonly<Record<string, { label: MessageKey; color: string }>> = {
  pending: { label: 'wf.participant.pending', color: 'gold' },
  accepted: { label: 'wf.participant.accepted', color: 'green' },
  declined: { label: 'wf.participant.declined', color: 'red' },
};

/** Ratio text (canonical decimal) as a percentage for people. */
export function percent(ratio: string): string {
  if (ratio === '1') {
    return '100%';
  }
  const frac = ratio.replace(/^0\./, '').padEnd(2, '0');
  const whole = frac.slice(0, 2).replace(/^0(?=\d)/, '');
  const rest = frac.slice(2);
  return rest === '' ? `${whole}%` : `${whole}.${rest}%`;
}

/** Local date-time (Asia/Shanghai) of an ISO instant, for screens. */
export function dateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) {
    return '—';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
