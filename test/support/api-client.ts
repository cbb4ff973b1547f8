/** Minimal JSON client for e2e tests (Node's fetch). */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
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
