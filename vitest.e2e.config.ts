import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the real server process serving the built web app (`npm run test:e2e`
// builds it first). Kept out of `npm test` because they need Debian's chromium package.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A page's state may take a server round trip and a render to show; Vitest's default is 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
