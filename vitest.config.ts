// Vitest: unit and integration tests of every package. e2e has its own config (e2e/vitest.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'web', include: ['packages/web/test/**/*.test.{ts,tsx}'] } },
    ],
  },
});
