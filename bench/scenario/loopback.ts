/** Load only ever goes to this machine: refuses any target that is not a loopback address. */
export function assertLoopback(url: string) {
  const { hostname } = new URL(url);
  const loopback =
    ["localhost", "127.0.0.1", "[::1]", "::1"].includes(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  if (!loopback) throw new Error(`The benchmark only targets loopback addresses, not ${url}`);
}
