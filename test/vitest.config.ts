/** Unit tests (npm run test:unit); the browser tests have their own config in test/e2e. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    testTimeout: 30_000,
    setupFiles: ['test/temp-cleanup.ts'],
  },
});
