// e2e journeys: the real server (`ssj serve`) on a fresh data dir, driven in Debian chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
