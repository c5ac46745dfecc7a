// Jest and its transformer live in tests/node_modules (tests/package.json), not in the root package.
const path = require('path');
const testTool = (name) => require.resolve(name, { paths: [path.join(__dirname, 'tests')] });

/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    testTool('@swc/jest'),
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2022',
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
};

module.exports = {
  // Integration tests boot Strapi in-process once per file; a first boot on a fresh database takes seconds.
  testTimeout: 180000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/tests/unit/**/*.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/shared/**/*.test.ts',
      ],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/global-setup.ts',
      slowTestThreshold: 60,
    },
  ],
};
