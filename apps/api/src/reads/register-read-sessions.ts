import type { ReadSession } from '@stratum/adapters';
import type { FastifyInstance } from 'fastify';
import { READ_AFTER_HEADER, type ReadRouting } from './read-routing';

declare module 'fastify' {
  interface FastifyRequest {
    readSession: ReadSession | null;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Gives each request its read session, and after a successful write sends back the position a
 * later request must read at least: the client echoes it in `X-Stratum-Read-After`.
 */
export function registerReadSessions(app: FastifyInstance, routing: ReadRouting): void {
  app.decorateRequest('readSession', null);
  app.addHook('onRequest', async (request) => {
    const token = request.headers[READ_AFTER_HEADER];
    request.readSession = routing.sessionFrom(typeof token === 'string' ? token : undefined);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const session = request.readSession;
    if (session && WRITES.has(request.method) && reply.statusCode < 400) {
      await routing.recordWrite(session);
      const token = session.token();
      if (token) reply.header(READ_AFTER_HEADER, token);
    }
    return payload;
  });
}
