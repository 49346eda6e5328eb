import { createServer, connect, type Server, type Socket } from 'node:net';

interface Link {
  readonly client: Socket;
  readonly upstream: Socket;
  /** Bytes held back while paused, per direction, in order. */
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

/**
 * A TCP proxy between the cache and the shared Redis that a test can cut: `pause` makes Redis
 * look hung (nothing answered, connections stay up), `close` makes it look down (connections
 * dropped, new ones refused), `resume`/`reopen` bring it back. The real server is never touched.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly links = new Set<Link>();
  private paused = false;

  private constructor(
    private readonly target: { host: string; port: number },
    private listenPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0);
    await proxy.reopen();
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const link of this.links) {
      for (const chunk of link.held.toUpstream.splice(0)) link.upstream.write(chunk);
      for (const chunk of link.held.toClient.splice(0)) link.client.write(chunk);
    }
  }

  async close(): Promise<void> {
    for (const link of this.links) {
      link.client.destroy();
      link.upstream.destroy();
    }
    this.links.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async reopen(): Promise<void> {
    this.paused = false;
    const server = createServer((client) => this.link(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.listenPort = address.port;
    this.server = server;
  }

  private link(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const link: Link = { client, upstream, held: { toUpstream: [], toClient: [] } };
    this.links.add(link);
    client.on('data', (chunk) => (this.paused ? link.held.toUpstream.push(chunk) : upstream.write(chunk)));
    upstream.on('data', (chunk) => (this.paused ? link.held.toClient.push(chunk) : client.write(chunk)));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.links.delete(link);
    };
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
  }
}
