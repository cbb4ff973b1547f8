import { lookup } from 'node:dns/promises';
import net from 'node:net';

/**
 * Webhook URLs come from integrators (per-run callbackUrl), so an unchecked one would let them
 * make the engine POST into its own network (SSRF). Destinations that resolve to loopback,
 * private, link-local or unique-local addresses are refused unless the operator allows them
 * (WEBHOOK_ALLOW_PRIVATE_DESTINATIONS=true, e.g. receivers on the same host, tests).
 * Checked at delivery time, on every attempt, against what the name resolves to then.
 */
export async function destinationProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return 'the webhook URL is not a valid URL';
  }
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    // Unresolvable now: let the normal send fail and retry, the name may come back.
    return null;
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked ? `the webhook host ${host} resolves to a non-public address (${blocked}); set WEBHOOK_ALLOW_PRIVATE_DESTINATIONS=true to allow it` : null;
}

export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7));
  return lower === '::' || lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}
