/**
 * The demo accounts' password in server tests. Production generates a random one at first start
 * (src/demo/demo-accounts.ts); tests pass this one to seedDemo, as the e2e servers pass theirs in
 * SSJ_DEMO_PASSWORD (e2e/support/accounts.ts).
 */
export const DEMO_PASSWORD = 'Ssj@demo2026';
