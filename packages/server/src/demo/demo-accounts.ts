/**
 * The demo accounts' password (issue 10 §2): random at first start unless SSJ_DEMO_PASSWORD sets it,
 * printed once and written to `<data dir>/demo-accounts.txt` (mode 0600). The database remembers
 * that it holds demo data, so the console can say 演示环境 and the server binds to 127.0.0.1.
 */
import { randomInt } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPasswordPolicy } from '@openssj/core';
import type { Db } from '../db/client';
import { DEMO_MARKER_KEY, putSetting } from '../contexts/platform';
import { DEMO_ACCOUNTS } from './users.demo';

/** The file, in the data directory, that holds the demo accounts and their password. */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

// No look-alikes (0/O, 1/l/I), so a password read off a screen can be typed.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random password of four groups (e.g. `Hq7k-Tz3m-Wp9b-Rc4n`) that meets the password policy. */
export function randomPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => {
      const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)] ?? 'x';
      return `${pick(UPPER)}${pick(LOWER)}${pick(DIGITS)}${pick(LOWER)}`;
    });
    const candidate = groups.join('-');
    if (DEMO_ACCOUNTS.accounts.every((a) => checkPasswordPolicy(candidate, a.username).ok)) {
      return candidate;
    }
  }
}

/** Write the demo accounts file, readable by its owner only; returns its path. */
export function writeDemoAccountsFile(dataDir: string, password: string, now: Date): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  const lines = [
    '# OpenSSJ 演示环境账号 / demo accounts',
    `# 生成于 / created ${now.toISOString()}. 仅供演示，请勿用于生产 / for demonstration only, never production.`,
    `密码 / password: ${password}`,
    '',
    ...DEMO_ACCOUNTS.accounts.map((a) => `${a.username.padEnd(14)}${a.label}`),
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  // an existing file keeps its old mode on write: set it explicitly
  chmodSync(file, 0o600);
  return file;
}

/** Mark the database as holding demo data (inside the seeding transaction). */
export async function markDemoDatabase(db: Db, now: Date): Promise<void> {
  await putSetting(db, 'global', DEMO_MARKER_KEY, { seededAt: now.toISOString() }, now);
}
