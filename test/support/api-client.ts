import { TEST_INTEGRATIONS } from './test-integrations';

/** Minimal JSON client for e2e tests (Node's fetch). */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Calls the API as the test integrator (its API key in x-auth-client) unless `headers` says
 * otherwise; pass `{ 'x-auth-client': '' }` to send no key.
 */
export async function api<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const merged: Record<string, string> = { 'content-type': 'application/json', 'x-auth-client': TEST_INTEGRATIONS.integrator.key, ...headers };
  for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
  const res = await fetch(`${base}${path}`, {
    method,
    headers: merged,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text so assertions show it.
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The GBG GO request body for one selfie. */
export function selfieRun(resourceId: string, selfie: Buffer | string): Record<string, unknown> {
  const selfieImage = typeof selfie === 'string' ? selfie : selfie.toString('base64');
  return { resourceId, context: { subject: { biometrics: [{ selfieImage }] } } };
}
