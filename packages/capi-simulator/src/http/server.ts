import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TlsMaterial } from './tls';

/**
 * The HTTPS listener. It tracks sockets so that `down` can refuse connections (the listener
 * closes and every open connection, watches included, is destroyed) and come back on the
 * same port, as a restarted API server would.
 */
export class SimServer {
  private readonly server: https.Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private isDown = false;
  private closed = false;

  constructor(
    tls: TlsMaterial,
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    private readonly host: string,
  ) {
    this.server = https.createServer(
      { key: tls.serverKey, cert: tls.serverCert },
      handler,
    );
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  get down(): boolean {
    return this.isDown;
  }

  async setDown(down: boolean): Promise<void> {
    if (down === this.isDown || this.closed) return;
    this.isDown = down;
    if (down) await this.stop();
    else await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (!this.isDown) await this.stop();
  }

  private async stop(): Promise<void> {
    const closed = new Promise<void>(resolve =>
      this.server.close(() => resolve()),
    );
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
