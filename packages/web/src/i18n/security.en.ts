/** English messages of the first-start safety screens (issue 10; merged into en.ts). */
import type { securityZhCN } from './security.zh-cn';

export const securityEn: { readonly [K in keyof typeof securityZhCN]: string } = {
  'demo.banner': 'Demo environment: all data is fictitious. Do not enter real data or use it in production.',
  'demo.tag': 'Demo',
  'password.title': 'Change password',
  'password.mustChange':
    'An administrator set your password. Choose a new one that only you know before using the platform.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.required': 'Enter the password',
  'password.mismatch': 'The two new passwords differ',
  'password.rule':
    'At least 10 characters, mixing three of: upper case, lower case, digits, symbols; not containing the username.',
  'password.submit': 'Change password',
  'password.done': 'Password changed: log in with the new one',
  'password.failed': 'Could not change the password',
  'password.change': 'Change password',
  'password.back': 'Back',
};
