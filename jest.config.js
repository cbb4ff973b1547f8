/** Unit (no I/O), int (real Redis) and e2e (HTTP + workers + real models) tests; see README. */
module.exports = {
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  // Shares the outer realm's typed arrays with tests so onnxruntime-node accepts their tensors.
  testEnvironment: '<rootDir>/test/support/onnx-environment.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 60_000,
};
