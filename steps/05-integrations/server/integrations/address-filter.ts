import { BlockList, isIP } from "node:net";

// Which IP addresses a webhook may be sent to: public unicast ones only. Everything that reaches this machine, the
// local network or the cloud's metadata service (169.254.169.254) is refused, however it is spelled.

// IPv4: "this network" (0.0.0.0 included), private, carrier-grade NAT, loopback, link-local (the cloud metadata
// service), protocol assignments, documentation, benchmarking, multicast, reserved (255.255.255.255 included).
// IPv6 inside 2000::/3: Teredo and 6to4 (tunnels to IPv4), documentation.
const FORBIDDEN_RANGES = `0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24
  192.0.2.0/24 192.88.99.0/24 192.168.0.0/16 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 224.0.0.0/4 240.0.0.0/4
  2001::/32 2001:db8::/32 2002::/16`;
const FORBIDDEN = new BlockList();
for (const range of FORBIDDEN_RANGES.split(/\s+/)) {
  const [network, prefix] = range.split("/");
  FORBIDDEN.addSubnet(network, Number(prefix), network.includes(":") ? "ipv6" : "ipv4");
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
