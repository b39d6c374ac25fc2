// The bare Socket.IO baseline: the stage's own compiled chat handler (dist/server/chat-server.js, the very code the
// target runs) on a plain node:http server, without Next. The difference to the target is what Next costs.
//
// Self-contained (node built-ins only): the runner compiles this file alone to plain JavaScript.
//   node bench/dist/targets/socketio-baseline.js --port 4000 --stage-dir steps/01-basic
import { createServer, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

interface ChatServerModule {
  createChatServer: (httpServer: HttpServer) => { close: () => unknown };
}

const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string", default: "localhost" }, "stage-dir": { type: "string" } },
});
const port = Number(values.port);
const stageDir = values["stage-dir"];
if (!Number.isInteger(port) || port <= 0 || !stageDir) throw new Error("--port and --stage-dir are required");

// The stage's compiled server is CommonJS and resolves socket.io from the stage's own dependencies.
const requireFromStage = createRequire(path.resolve(stageDir, "package.json"));
const { createChatServer } = requireFromStage("./dist/server/chat-server.js") as ChatServerModule;
if (createChatServer.length !== 1) {
  throw new Error(`${stageDir}'s createChatServer takes ${createChatServer.length} arguments: the baseline passes only an HTTP server`);
}

const httpServer = createServer((_request, response) => response.writeHead(404).end());
const io = createChatServer(httpServer);
httpServer.listen(port, values.host, () => console.log(`ready: bare Socket.IO baseline on http://${values.host}:${port}`));

const shutdown = () => {
  void io.close();
  httpServer.close(() => process.exit(0));
  httpServer.closeAllConnections();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
