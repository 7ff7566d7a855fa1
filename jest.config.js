const { swcNode, swcReact, moduleNameMapper } = require('./jest.preset');

/**
 * Three tiers, selected with `--selectProjects`:
 *  - unit: pure logic, no network (libs and API *.spec.ts)
 *  - web: React components in jsdom
 *  - integration: the real API against real PostgreSQL and Redis (*.int-spec.ts), run in band
 */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', swcNode] },
      moduleNameMapper,
    },
    {
      displayName: 'web',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}', '<rootDir>/libs/**/src/**/*.spec.tsx'],
      transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', swcReact] },
      moduleNameMapper: { ...moduleNameMapper, '\\.(css)$': '<rootDir>/apps/web/test/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/setup.ts'],
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', swcNode] },
      moduleNameMapper,
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      setupFiles: ['<rootDir>/apps/api/test/env.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/timeouts.ts'],
    },
  ],
};
