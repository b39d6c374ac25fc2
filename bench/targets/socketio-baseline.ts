// The bare Socket.IO baseline: the stage's own compiled chat handler (dist/server/chat-server.js, the very code the
// target runs) on a plain node:http server, without Next. The difference to the target is what Next costs.
//
// From step 02 on, createChatServer(httpServer, auth, allowedOrigins) also needs the session checker: it is built
// here from the stage's compiled modules the way its server.ts builds it, minus Next and the HTTP auth routes. It
// reads the same environment as the target (DATA_DIR, BETTER_AUTH_SECRET, BETTER_AUTH_URL), so the session
// cookies the benchmark's users got from the target are valid here too.
//
// Self-contained (node built-ins only): the runner compiles this file alone to plain JavaScript.
//   node bench/dist/targets/socketio-baseline.mjs --port 4000 --stage-dir steps/01-basic
import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

interface SocketIoServer {
  close: () => unknown;
}

interface ChatServerModule {
  createChatServer: (httpServer: HttpServer, ...rest: unknown[]) => SocketIoServer;
}

interface AuthSettingsModule {
  readAuthSettings: (env: NodeJS.ProcessEnv) => { allowedOrigins: string[] };
}

interface AuthModule {
  createAuth: (settings: unknown) => unknown;
  migrateAuthDatabase: (auth: unknown) => Promise<void>;
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string", default: "localhost" },
    "stage-dir": { type: "string" },
  },
});
const port = Number(values.port);
const stageDir = values["stage-dir"];
if (!Number.isInteger(port) || port <= 0 || !stageDir) throw new Error("--port and --stage-dir are required");

// The stage's compiled server is CommonJS and resolves socket.io (and better-auth) from the stage's dependencies.
const requireFromStage = createRequire(path.resolve(stageDir, "package.json"));
const { createChatServer } = requireFromStage("./dist/server/chat-server.js") as ChatServerModule;

async function attachChatServer(httpServer: HttpServer): Promise<SocketIoServer> {
  if (createChatServer.length === 1) return createChatServer(httpServer);
  const authModules = ["dist/server/auth-settings.js", "dist/server/auth.js"];
  if (createChatServer.length !== 3 || !authModules.every((file) => existsSync(path.resolve(stageDir ?? "", file)))) {
    throw new Error(
      `${stageDir}: createChatServer takes ${createChatServer.length} arguments; the baseline knows (httpServer) and ` +
        "(httpServer, auth, allowedOrigins) with server/auth.ts: teach bench/targets/socketio-baseline.ts the new wiring",
    );
  }
  const { readAuthSettings } = requireFromStage("./dist/server/auth-settings.js") as AuthSettingsModule;
  const { createAuth, migrateAuthDatabase } = requireFromStage("./dist/server/auth.js") as AuthModule;
  const settings = readAuthSettings(process.env);
  const auth = createAuth(settings);
  await migrateAuthDatabase(auth);
  return createChatServer(httpServer, auth, settings.allowedOrigins);
}

const httpServer = createServer((_request, response) => response.writeHead(404).end());
const io = await attachChatServer(httpServer);
httpServer.listen(port, values.host, () =>
  console.log(`ready: bare Socket.IO baseline on http://${values.host}:${port}`),
);

const shutdown = () => {
  void io.close();
  httpServer.close(() => process.exit(0));
  httpServer.closeAllConnections();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
