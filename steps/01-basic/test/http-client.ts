import { io as connect } from "socket.io-client";

/** Connects a Socket.IO client to the app; resolves with the first presence snapshot the server sends it. */
export async function firstPresence(appUrl: string): Promise<unknown> {
  const client = connect(appUrl, { transports: ["websocket"], reconnection: false });
  try {
    return await new Promise((resolve, reject) => {
      client.once("presence", resolve);
      client.once("connect_error", reject);
    });
  } finally {
    client.disconnect();
  }
}
