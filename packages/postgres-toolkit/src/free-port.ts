import { createServer } from 'node:net';

/** Ports that a PostgreSQL of this machine or of `npm start` may be about to use. */
const RESERVED = new Set([5432, 54329]);

/** A TCP port nothing listens on right now on 127.0.0.1, never one of the usual PostgreSQL ports. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 0 && !RESERVED.has(port)) return port;
  }
}
