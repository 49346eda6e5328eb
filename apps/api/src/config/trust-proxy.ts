import { isIP } from 'node:net';

/**
 * Whom to believe about the client's address. `false`: the socket's peer. A number: that many
 * proxies in front of us, each appending to X-Forwarded-For, so the address that many hops back
 * is the client's and anything a client wrote before it is ignored. A list of addresses or CIDRs:
 * the proxies whose X-Forwarded-For entries are believed. Plain `true` (believe every entry) is
 * refused: with it, every request can claim any address and per-client limits count nothing.
 */
export type TrustProxy = false | number | readonly string[];

const CIDR = /^(.+)\/(\d{1,3})$/;

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new Error(
      'TRUST_PROXY: true would believe any X-Forwarded-For a client sends; give the number of ' +
        'proxies in front of the API (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (!Number.isSafeInteger(hops) || hops > 10)
      throw new Error(`TRUST_PROXY: ${value} proxies is not plausible`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const cidr = CIDR.exec(entry);
    const address = cidr ? cidr[1]! : entry;
    const family = isIP(address);
    const bits = cidr ? Number(cidr[2]) : 0;
    if (family === 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`TRUST_PROXY: "${entry}" is neither a hop count nor an IP address or CIDR`);
    }
  }
  return entries;
}

/**
 * In the form Fastify's trustProxy option takes: a hop count as proxy-addr's trust function (the
 * first `hops` addresses back from the socket are proxies), a list as itself.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust === false ? false : [...trust];
}
