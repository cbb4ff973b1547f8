/**
 * What a request's `x-hmac-signature` may cover. With a body: exactly the raw body bytes (not a
 * re-serialisation, so key order and whitespace do not matter). Without one: the request path
 * with its query string as sent (`/v1/runs/<id>?waitMs=5000`), which binds the signature to the
 * resource; on routes with an `:id`, the bare id is accepted too, because seed 004 has clients
 * sign the session id on GET /v1/sessions/{id}/decision.
 */
export function signedPayloads(rawBody: Buffer | undefined, originalUrl: string, pathId: string | undefined): (Buffer | string)[] {
  if (rawBody && rawBody.length > 0) return [rawBody];
  return pathId ? [originalUrl, pathId] : [originalUrl];
}
