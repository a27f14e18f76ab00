// e2e journeys: the real server (`ssj serve`) on a fresh data dir, driven in Debian chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // a busy CI machine can take seconds to log in and render; a poll without its own timeout waits this long
    expect: { poll: { timeout: 15_000, interval: 100 } },
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
