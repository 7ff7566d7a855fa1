/**
 * A public y-websocket-protocol server to compare against, as the benchmark's child process:
 * `node -r …/swc-register.cjs bench/board/peer-server.ts <y-websocket|hocuspocus>`.
 * Listens on 127.0.0.1 (a free port, printed as `{"port":N}`), keeps documents in memory only, with
 * no authentication and no persistence, each server's defaults otherwise. Exits when stdin closes,
 * like the API's child server, so no peer outlives the benchmark.
 */
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

type Handler = (ws: WebSocket, request: IncomingMessage) => void;

function yWebsocketServer(): Handler {
  // The reference server of the protocol (y-websocket's own), in memory: no YPERSISTENCE set.
  const { setupWSConnection } = require('@y/websocket-server/utils') as {
    setupWSConnection: (ws: WebSocket, request: IncomingMessage, options?: { docName?: string; gc?: boolean }) => void;
  };
  return (ws, request) => setupWSConnection(ws, request);
}

function hocuspocusServer(): Handler {
  // Hocuspocus without extensions keeps each document in memory while someone is connected.
  const { Hocuspocus } = require('@hocuspocus/server') as {
    Hocuspocus: new (configuration: { quiet: boolean }) => { handleConnection: Handler };
  };
  const hocuspocus = new Hocuspocus({ quiet: true });
  return (ws, request) => hocuspocus.handleConnection(ws, request);
}

const kind = process.argv[2];
const handle = kind === 'y-websocket' ? yWebsocketServer() : kind === 'hocuspocus' ? hocuspocusServer() : null;
if (!handle) {
  console.error(`unknown peer server "${kind}"`);
  process.exit(2);
}

// Same transport settings as the API's board gateway: no compression, one upgrade path per board.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
const server = createServer((_request, response) => response.writeHead(404).end());
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', () => undefined);
    handle(ws, request);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
