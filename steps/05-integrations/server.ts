import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import next from "next";
import { createAuth, migrateAuthDatabase } from "./server/auth";
import { createAuthRoutes } from "./server/auth-routes";
import { readAuthSettings } from "./server/auth-settings";
import { createChatServer } from "./server/chat-server";
import { readIntegrationSettings } from "./server/integrations/integration-settings";
import { createIntegrations } from "./server/integrations/integrations";
import { disconnectSession } from "./server/session-sockets";
import { exitOnSignals } from "./server/shutdown";
import { exitIfCannotListen, exitWithStartupError } from "./server/startup-errors";

const dev = process.env.NODE_ENV !== "production";
const hostname = process.env.HOST ?? "localhost";
const port = Number(process.env.PORT ?? 3000);
// `npm start` runs the compiled copy in dist/, so Next's project folder is one level up from it.
const dir = path.basename(__dirname) === "dist" ? path.dirname(__dirname) : __dirname;

const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();

async function main() {
  const authSettings = readAuthSettings();
  // When a session ends (its owner signs out), its chat connections end with it.
  const auth = createAuth(authSettings, { onSessionEnded: (sessionId) => disconnectSession(io, sessionId) });
  await migrateAuthDatabase(auth);
  await app.prepare();
  const authRoutes = createAuthRoutes(auth);
  const integrations = createIntegrations(readIntegrationSettings(process.env, authSettings.allowedOrigins));
  const httpServer = createServer(
    (req, res) => authRoutes(req, res) || integrations.routes(req, res) || void handle(req, res),
  );
  // Socket.IO answers /socket.io/ on the same server; Next keeps every other request and its own HMR socket.
  const io = createChatServer(httpServer, auth, authSettings.allowedOrigins, undefined, undefined, integrations);

  exitIfCannotListen(httpServer, port);
  httpServer.listen(port, process.env.HOST, () => {
    const { port: actualPort } = httpServer.address() as AddressInfo;
    console.log(`> Ready on http://${hostname}:${actualPort} (${dev ? "development" : "production"})`);
  });

  // Dropping connections without a Socket.IO "disconnect" packet lets browsers reconnect when the server is back.
  exitOnSignals(httpServer, () => io.engine.close());
}

main().catch(exitWithStartupError);
