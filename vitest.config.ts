import { defineConfig } from 'vitest/config';

// Three projects: pure units; everything that needs a database (runs on PGlite, and in CI also on
// PostgreSQL with DATABASE_URL: `npm run test:pg`); and real server processes (PGlite data directories).
export default defineConfig({
  test: {
    projects: [
      // test/web: browser modules tested in Node; typechecked with web/tsconfig.json, which has the DOM types.
      // Some units start child processes (the exercise checker runs hidden tests): 1–2 s each, more when busy.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/web/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/api/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'process', include: ['test/process/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 60_000 } },
    ],
  },
});
