import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'web',
          include: ['src/web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/web/test-setup.ts'],
          // Rendering in jsdom is CPU-bound; on a busy two-core machine the 5-second default is too tight.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          // Starts the server as a child process and kills it: run on purpose (npm run test:crash, CI).
          name: 'crash',
          include: ['src/**/*.crash.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
