import { createHmac } from 'node:crypto';
import { TEST_INTEGRATIONS } from './test-integrations';

/** Minimal JSON client for e2e tests (Node's fetch). */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  /** The raw response body (what x-hmac-signature covers). */
  text: string;
}

/**
 * What a request signs (README "Authentication and signing"): the raw body, or for a request
 * without one the path with its query string.
 */
export function signRequest(secret: string, path: string, rawBody: string | undefined): string {
  return createHmac('sha256', secret).update(rawBody !== undefined && rawBody.length > 0 ? rawBody : path).digest('hex');
}

/** The test integrations' secrets by API key, so a request is signed as the integration whose key it sends. */
const SECRET_BY_KEY: Record<string, string> = {
  [TEST_INTEGRATIONS.integrator.key]: TEST_INTEGRATIONS.integrator.secret,
  [TEST_INTEGRATIONS.integrator.rotatedKey]: TEST_INTEGRATIONS.integrator.secret,
  [TEST_INTEGRATIONS.reviewer.key]: TEST_INTEGRATIONS.reviewer.secret,
  [TEST_INTEGRATIONS.otherIntegrator.key]: TEST_INTEGRATIONS.otherIntegrator.secret,
};

/**
 * Calls the API as the test integrator (its API key in x-auth-client, the body signed with its
 * secret in x-hmac-signature) unless `headers` says otherwise; pass `{ 'x-auth-client': '' }` to
 * send no key, `{ 'x-hmac-signature': '' }` to send no signature. The secret is the one of the
 * key sent (`secret` overrides it, e.g. to sign wrongly).
 */
export async function api<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, secret?: string): Promise<ApiResponse<T>> {
  const raw = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const key = headers['x-auth-client'] ?? TEST_INTEGRATIONS.integrator.key;
  const signature = signRequest(secret ?? SECRET_BY_KEY[key] ?? TEST_INTEGRATIONS.integrator.secret, path, raw);
  const merged: Record<string, string> = { 'content-type': 'application/json', 'x-auth-client': TEST_INTEGRATIONS.integrator.key, 'x-hmac-signature': signature, ...headers };
  for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
  const res = await fetch(`${base}${path}`, { method, headers: merged, body: raw });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text so assertions show it.
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

/** The GBG GO request body for one selfie. */
export function selfieRun(resourceId: string, selfie: Buffer | string): Record<string, unknown> {
  const selfieImage = typeof selfie === 'string' ? selfie : selfie.toString('base64');
  return { resourceId, context: { subject: { biometrics: [{ selfieImage }] } } };
}
