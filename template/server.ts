import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import next from "next";
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
  await app.prepare();
  const httpServer = createServer((req, res) => void handle(req, res));

  exitIfCannotListen(httpServer, port);
  httpServer.listen(port, process.env.HOST, () => {
    const { port: actualPort } = httpServer.address() as AddressInfo;
    console.log(`> Ready on http://${hostname}:${actualPort} (${dev ? "development" : "production"})`);
  });

  exitOnSignals(httpServer);
}

main().catch(exitWithStartupError);
