// `npm run test:ha`: the failover test (issue 17 §2), a minute long, outside `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/server/test/ha/**/*.ha.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
