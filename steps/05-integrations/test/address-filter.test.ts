import { describe, expect, it } from "vitest";
import { isPublicAddress, literalAddress } from "../server/integrations/address-filter";

// A corpus of addresses, checked as data: nothing here opens a connection.

const FORBIDDEN = [
  // loopback, in every spelling a URL or a connection accepts
  "127.0.0.1",
  "127.255.255.254",
  "2130706433",
  "0x7f000001",
  "0177.0.0.1",
  "127.1",
  "017700000001",
  "::1",
  "[::1]",
  "0:0:0:0:0:0:0:1",
  "::ffff:127.0.0.1",
  "[::ffff:127.0.0.1]",
  "::ffff:7f00:1",
  "0:0:0:0:0:ffff:7f00:0001",
  // unspecified
  "0.0.0.0",
  "0",
  "::",
  // private networks and their mapped forms
  "10.0.0.1",
  "10.255.255.255",
  "167772161", // 10.0.0.1
  "172.16.0.1",
  "172.31.255.255",
  "192.168.0.1",
  "192.168.255.255",
  "::ffff:10.0.0.1",
  "::ffff:192.168.1.1",
  "100.64.0.1",
  // link-local: the cloud metadata service
  "169.254.169.254",
  "0xa9fea9fe",
  "::ffff:169.254.169.254",
  "fe80::1",
  "febf::1",
  // unique local IPv6 (fc00::/7)
  "fc00::1",
  "fd00:ec2::254",
  // multicast and broadcast
  "224.0.0.1",
  "239.255.255.250",
  "255.255.255.255",
  "ff02::1",
  // documentation, benchmarking, IPv4 tunnels, NAT64, IPv4-compatible
  "192.0.2.1",
  "198.18.0.1",
  "203.0.113.5",
  "2001:db8::1",
  "2002:7f00:1::",
  "2001::1",
  "64:ff9b::7f00:1",
  "::127.0.0.1",
  // not an address at all
  "localhost",
  "example.com",
  "fe80::1%eth0",
  "",
];

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "172.32.0.1",
  "172.15.255.255",
  "192.169.0.1",
  "2606:4700:4700::1111",
  "2a00:1450::1",
];

describe("the webhook address filter", () => {
  it.each(FORBIDDEN)("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("allows the loopback only when asked to (the test configuration), and nothing else private then", () => {
    for (const loopback of ["127.0.0.1", "127.0.0.2", "2130706433", "::1", "::ffff:127.0.0.1"]) {
      expect(isPublicAddress(loopback, { allowLoopback: true }), loopback).toBe(true);
    }
    for (const other of ["0.0.0.0", "::", "10.0.0.1", "169.254.169.254", "fc00::1", "fe80::1"]) {
      expect(isPublicAddress(other, { allowLoopback: true }), other).toBe(false);
    }
  });

  it("reads every spelling of an address as the URL parser (and so the connection) does", () => {
    expect(literalAddress("2130706433")).toBe("127.0.0.1");
    expect(literalAddress("0x7f.1")).toBe("127.0.0.1");
    expect(literalAddress("[::ffff:127.0.0.1]")).toBe("::ffff:7f00:1");
    expect(literalAddress("hooks.slack.com")).toBeUndefined();
  });
});
