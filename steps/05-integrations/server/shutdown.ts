import type { Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";

/** Longest wait for open connections to close before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * On Ctrl-C or SIGTERM (a deploy, `tsx watch` restarting): stop accepting connections, close the open ones, exit.
 * Upgraded connections (WebSockets, e.g. Next's hot reload) are not closed by closeAllConnections(), so they are
 * tracked here and destroyed too; otherwise one open tab would keep the old process alive.
 */
export function exitOnSignals(httpServer: HttpServer, beforeClose: () => void = () => {}) {
  const upgraded = new Set<Duplex>();
  httpServer.on("upgrade", (_request, socket: Duplex) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
  });

  const shutdown = () => {
    beforeClose();
    httpServer.close(() => process.exit(0));
    httpServer.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
