import { TOO_FAR_BEHIND_CLOSE_CODE } from "../lib/protocol";
import { MAX_SEND_BUFFER_BYTES } from "./limits";
import type { ChatServerSocket } from "./types";

/** How long a dropped connection's close frame may wait behind its backlog before the TCP connection is cut. */
const CLOSE_FRAME_GRACE_MS = 2_000;

/** The parts of engine.io's packets and of the `ws` WebSocket under its websocket transport that are read here. */
interface EnginePacket {
  data?: string | ArrayBuffer | Buffer;
}
interface RawWebSocket {
  bufferedAmount: number;
  close(code: number, reason: string): void;
  terminate(): void;
}

/**
 * Caps what one connection may have waiting to be sent. A client that stops reading (a frozen tab, a stalled
 * network) would otherwise make this process queue everything broadcast to it, until the heartbeat gives up on it
 * up to 75 s later. Past MAX_SEND_BUFFER_BYTES it is dropped: told why in the WebSocket close frame, which waits
 * behind the backlog (a client that reads again soon enough gets it), and cut off for good shortly after. Its
 * client sees "transport close" and reconnects; every other connection is untouched.
 */
export function limitSendBuffer(socket: ChatServerSocket) {
  const conn = socket.conn;
  /** Bytes in engine.io's write buffer, not yet handed to the transport (it empties the buffer on "flush"). */
  let queued = 0;
  let dropping = false;

  conn.on("packetCreate", (packet: EnginePacket) => {
    queued += sizeOf(packet.data);
    if (!dropping && queued + (webSocketOf(socket)?.bufferedAmount ?? 0) > MAX_SEND_BUFFER_BYTES) {
      dropping = true;
      // Not in the middle of a broadcast that is still walking through the connections.
      setImmediate(() => drop(socket));
    }
  });
  conn.on("flush", () => {
    queued = 0;
  });
}

function drop(socket: ChatServerSocket) {
  console.warn(`[chat] ${socket.id}: dropped, more than ${MAX_SEND_BUFFER_BYTES} bytes were waiting to be sent to it`);
  const webSocket = webSocketOf(socket);
  webSocket?.close(TOO_FAR_BEHIND_CLOSE_CODE, "too far behind");
  if (webSocket) setTimeout(() => webSocket.terminate(), CLOSE_FRAME_GRACE_MS).unref();
  // engine.io forgets the connection now, its queue included: "disconnect" runs and presence is updated.
  socket.conn.close(true);
}

function webSocketOf(socket: ChatServerSocket): RawWebSocket | undefined {
  const transport = socket.conn.transport as unknown as { name: string; socket?: RawWebSocket };
  return transport.name === "websocket" ? transport.socket : undefined;
}

function sizeOf(data: EnginePacket["data"]): number {
  if (data === undefined) return 0;
  // A string's length counts UTF-16 units, not bytes: close enough for a cap, and free to read.
  return typeof data === "string" ? data.length : data.byteLength;
}
