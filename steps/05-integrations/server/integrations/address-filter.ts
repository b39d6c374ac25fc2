import { BlockList, isIP } from "node:net";

// Which IP addresses a webhook may be sent to: public unicast ones only. Everything that reaches this machine, the
// local network or the cloud's metadata service (169.254.169.254) is refused, however it is spelled.

const FORBIDDEN = new BlockList();
const IPV4_SPECIAL: [string, number][] = [
  ["0.0.0.0", 8], // "this network", 0.0.0.0 included
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, 255.255.255.255 included
];
for (const [network, prefix] of IPV4_SPECIAL) FORBIDDEN.addSubnet(network, prefix, "ipv4");
// Inside 2000::/3, the ranges that tunnel to IPv4 (Teredo, 6to4) or are for documentation.
for (const [network, prefix] of [
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, "ipv6");
}
/** IPv6 addresses outside global unicast (::1, ::, fc00::/7, fe80::/10, ff00::/8, IPv4-mapped …) are refused. */
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet("2000::", 3, "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * The IP address `host` spells, in canonical form, or undefined for a name. The URL parser reads every spelling
 * a connection would accept: 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1.
 */
export function literalAddress(host: string): string | undefined {
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return undefined;
  }
  return isIP(hostname) === 0 ? undefined : hostname;
}

/**
 * Whether a webhook may connect to `address` (an IP address in any spelling; a name is never public). Loopback
 * is allowed only when `allowLoopback` says so, which only the test configuration does (integration-settings.ts).
 */
export function isPublicAddress(address: string, { allowLoopback = false } = {}): boolean {
  const ip = literalAddress(address);
  if (ip === undefined) return false;
  const family = isIP(ip) === 4 ? "ipv4" : "ipv6";
  if (allowLoopback && LOOPBACK.check(ip, family)) return true;
  if (family === "ipv6" && !GLOBAL_UNICAST_V6.check(ip, "ipv6")) return false;
  return !FORBIDDEN.check(ip, family);
}
