import path from 'node:path';

/** The integrations the e2e services run with (test/fixtures/integrations.json). */
export const TEST_INTEGRATIONS = {
  file: path.resolve(__dirname, '..', 'fixtures', 'integrations.json'),
  integrator: { key: 'integrator-key-1', rotatedKey: 'integrator-key-2', secret: 'acme-test-secret' },
  reviewer: { key: 'reviewer-key-1', secret: 'review-desk-test-secret' },
  otherIntegrator: { key: 'other-integrator-key', secret: 'globex-test-secret' },
};

/** Environment that makes a service load the test integrations. */
export function integrationsEnv(): Record<string, string> {
  return {
    INTEGRATIONS_FILE: TEST_INTEGRATIONS.file,
    ACME_HMAC_SECRET: TEST_INTEGRATIONS.integrator.secret,
    REVIEW_DESK_HMAC_SECRET: TEST_INTEGRATIONS.reviewer.secret,
    GLOBEX_HMAC_SECRET: TEST_INTEGRATIONS.otherIntegrator.secret,
    AUTH_DEV_MODE: 'false',
  };
}
