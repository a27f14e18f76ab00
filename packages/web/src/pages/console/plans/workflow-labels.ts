/** Labels and colours of plan, task and draw statuses and seed sources, shared by the workflow pages. */
import type { MessageKey } from '../../../i18n/types';
import { formatDateTime } from '../../../format/china-time';

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

/** A stratum's name for people: the single stratum `all` reads 全部对象 (All targets), tiers keep their letter. */
export function stratumName(t: (key: MessageKey) => string, name: string): string {
  return name === 'all' ? t('wf.stratum.all') : name;
}

/** A stratum with its ratio for people. */
export function stratumLabel(t: (key: MessageKey) => string, name: string, ratio: string): string {
  return `${stratumName(t, name)} ${percent(ratio)}`;
}

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

/** Date-time of an ISO instant in Beijing time, for screens (the shared helper in format/china-time). */
export function dateTime(iso: string | null | undefined): string {
  return formatDateTime(iso, true);
}
