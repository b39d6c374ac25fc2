// The floor: a broadcast server on the bare `ws` library, no Socket.IO and no Next. So that the very same clients
// (Artillery's Socket.IO engine and the cross-check's socket.io-client) can run the same scenario against it, it
// speaks the few frames of the Engine.IO v4 / Socket.IO v5 wire format a WebSocket-only client needs: the open
// packet, the namespace connect, events, acks and the heartbeat ping. Per message it does the least a broadcast
// can: check the text, answer the ack, encode the broadcast once and write that string to every connection.
// No rate limit and no join/leave announcements.
//
// Self-contained (node built-ins and `ws` only): the runner compiles this file alone to plain JavaScript, so the
// process is as lean as the compiled chat server it is compared with.
//   node bench/dist/targets/ws-baseline.js --port 4000
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { WebSocketServer, type WebSocket } from "ws";

// The same limits as the chat server (steps/01-basic/server/limits.ts and lib/protocol.ts).
const MAX_FRAME_BYTES = 16 * 1024;
const MAX_MESSAGE_LENGTH = 2000;
// Socket.IO's defaults: the client drops a connection that hears no ping for pingInterval + pingTimeout.
const PING_INTERVAL_MS = 25_000;
const PING_TIMEOUT_MS = 20_000;

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string", default: "localhost" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0) throw new Error("--port is required");

const httpServer = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server: httpServer, path: "/socket.io/", maxPayload: MAX_FRAME_BYTES });
/** Connections that joined the default namespace: everyone a broadcast goes to. */
const members = new Set<WebSocket>();

type Result =
  | { ok: true; message: { id: string; text: string; sentAt: number } }
  | { ok: false; error: { code: string; message: string } };

function send(ws: WebSocket, frame: string) {
  if (ws.readyState === ws.OPEN) ws.send(frame);
}

function emitTo(ws: WebSocket, event: string, payload: unknown) {
  send(ws, `42${JSON.stringify([event, payload])}`);
}

function onEvent(ws: WebSocket, body: string) {
  // "42" [ack id] [json array]: e.g. 4217["chat message","hello"]
  const match = /^(\d*)(\[[\s\S]*\])$/.exec(body);
  if (!match) return ws.close(1002, "bad event packet");
  const [, ackId, json] = match;
  let args: unknown;
  try {
    args = JSON.parse(json);
  } catch {
    return ws.close(1002, "bad event packet");
  }
  const reply = (result: Result) => {
    if (ackId !== "") send(ws, `43${ackId}${JSON.stringify([result])}`);
  };
  if (!Array.isArray(args) || args[0] !== "chat message") {
    return reply({ ok: false, error: { code: "unknown_event", message: "Unknown event." } });
  }
  const text: unknown = args[1];
  if (typeof text !== "string" || text.trim() === "" || text.length > MAX_MESSAGE_LENGTH) {
    return reply({ ok: false, error: { code: "invalid_payload", message: "A message must be a non-empty string." } });
  }
  const message = { id: randomUUID(), text, sentAt: Date.now() };
  reply({ ok: true, message });
  const frame = `42${JSON.stringify(["chat message", message])}`;
  for (const member of members) send(member, frame);
}

wss.on("connection", (ws) => {
  send(
    ws,
    `0${JSON.stringify({ sid: randomUUID(), upgrades: [], pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS, maxPayload: MAX_FRAME_BYTES })}`,
  );
  ws.on("message", (data, isBinary) => {
    if (isBinary) return ws.close(1003, "text frames only");
    // The default binaryType ("nodebuffer") delivers every frame as one Buffer.
    const packet = (data as Buffer).toString();
    if (packet === "3") return; // heartbeat answer
    if (packet === "1") return ws.close(); // engine close
    if (packet.startsWith("40")) {
      members.add(ws);
      send(ws, `40${JSON.stringify({ sid: randomUUID() })}`);
      return emitTo(ws, "presence", { online: members.size });
    }
    if (packet.startsWith("41")) return void members.delete(ws);
    if (packet.startsWith("42")) return onEvent(ws, packet.slice(2));
    ws.close(1002, "unsupported packet");
  });
  ws.on("close", () => members.delete(ws));
});

setInterval(() => {
  for (const ws of wss.clients) send(ws, "2");
}, PING_INTERVAL_MS).unref();

httpServer.listen(port, values.host, () => console.log(`ready: ws baseline on http://${values.host}:${port}`));

const shutdown = () => {
  for (const ws of wss.clients) ws.terminate();
  httpServer.close(() => process.exit(0));
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
