/** The tag colour of each state of an objection or credit repair (portal and console). */
import type { AppealStatus } from '@openssj/core';

export const APPEAL_STATUS_COLORS: Readonly<Record<AppealStatus, string>> = {
  pending: 'orange',
  upheld: 'default',
  corrected: 'green',
  withdrawn: 'green',
  approved: 'green',
  rejected: 'red',
};
