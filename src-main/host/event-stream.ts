import type { ServerResponse } from 'node:http';
import type { ApiEventMessage } from '../common/bridge.js';
import type { ApiCaller } from '../worker/client.js';

const HEARTBEAT_MS = 15_000;

/** Server-sent events at `GET /api/events`: one `event: <name>` with a JSON `data:` line per API event. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(caller: ApiCaller) {
    this.unsubscribe = caller.onEvent((message) => this.broadcast(message));
    this.heartbeat = setInterval(() => {
      for (const response of this.open) response.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 2000\n: connected\n\n');
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
  }

  private broadcast(message: ApiEventMessage): void {
    const frame = `event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`;
    for (const response of this.open) response.write(frame);
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const response of this.open) response.end();
    this.open.clear();
  }
}
