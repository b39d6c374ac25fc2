import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress, literalAddress } from "./address-filter";

/** Resolves a host name to its addresses: the system's resolver, or a fake one in tests (no real DNS there). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true });

export interface GuardOptions {
  resolve: Resolver;
  /** The test configuration only: fake receivers listen on the loopback. */
  allowLoopback: boolean;
  timeoutMs: number;
}

/** What a delivery needs of the answer: its status and Retry-After. */
export interface Answer {
  status: number;
  retryAfter: string | undefined;
}

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
}

/**
 * The `lookup` node:http calls before connecting: it resolves the name once, refuses unless every address is
 * public, and hands over the addresses it checked, so the socket connects to exactly those (a DNS server cannot
 * answer differently a second time). Global fetch cannot do this: it ignores the `agent` and `lookup` options.
 */
function checkedLookup({ resolve, allowLoopback }: GuardOptions): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const addresses = resolved.filter(({ family }) => !options.family || family === options.family);
        if (addresses.length === 0 || addresses.some(({ address }) => !isPublicAddress(address, { allowLoopback }))) {
          return callback(new BlockedAddressError(`${hostname} is not a public internet address.`), "", 0);
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/**
 * POSTs `body` as JSON to `url` through the address guard. No redirect is followed (node:http never does), the
 * answer's body is never read, and the whole exchange up to the answer's headers is cut off after `timeoutMs`.
 */
export function guardedPost(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: GuardOptions,
  signal?: AbortSignal,
): Promise<Answer> {
  const literal = literalAddress(url.hostname);
  if (literal !== undefined && !isPublicAddress(literal, options)) {
    return Promise.reject(new BlockedAddressError(`${url.hostname} is not a public internet address.`));
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        agent: false, // a connection of its own, never a pooled one to an address checked long ago
        lookup: checkedLookup(options),
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] });
        response.destroy();
      },
    );
    request.once("error", (error) =>
      reject(timeout.aborted ? new Error(`no answer within ${options.timeoutMs / 1000} s`) : error),
    );
    request.end(body);
  });
}
