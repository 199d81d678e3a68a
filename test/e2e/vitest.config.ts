/**
 * Browser tests of the built site (npm run test:e2e; npm test runs them after
 * the unit tests). The global setup builds the site twice, under the sub-path
 * /zwgk/czzj/ and under /, and serves each over HTTP; the tests drive
 * Debian's Chromium (/usr/bin/chromium) through playwright-core.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser per file; files run one after another to keep the machine calm.
    fileParallelism: false,
  },
});
