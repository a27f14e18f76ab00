/**
 * The demo accounts' password in the e2e run. A real first start generates a random one; the e2e
 * servers set this one through SSJ_DEMO_PASSWORD (support/server.ts), and every journey logs in with it.
 */
export const DEMO_PASSWORD = 'Ssj@demo2026';
