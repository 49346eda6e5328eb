import type { Permission } from '@stratum/domain';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import { unauthenticated } from '../http/api-error';
import { assertHasAny, type Principal } from '../use-cases/shared/principal';
import type { SessionService } from './session.service';
import { bearerTokenOf } from './session-token';

/**
 * Who may call a route: anyone, any signed-in user, or a caller holding at least one of the listed
 * permissions. Handlers then narrow ':own' grants to the caller's own records.
 */
export type Access = 'public' | 'authenticated' | readonly [Permission, ...Permission[]];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

/**
 * Every route must state its access in `config.access`, or the server refuses to start: no route
 * is public by omission. The check runs in onRequest, before the body is even parsed, so an
 * anonymous caller learns nothing about a route's input. Returns the table of routes as declared,
 * which the docs and the permission tests read.
 */
export function enforceAccess(
  app: FastifyInstance,
  sessions: SessionService,
  options: {
    /** Routes under it are public without declaring it: the documentation page's own plugin. */
    publicPrefix?: string;
  } = {},
): RouteAccess[] {
  const table: RouteAccess[] = [];
  const { publicPrefix } = options;
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const underPublicPrefix =
      publicPrefix !== undefined && (route.url === publicPrefix || route.url.startsWith(`${publicPrefix}/`));
    const access = route.config?.access ?? (underPublicPrefix ? 'public' : undefined);
    if (access === undefined) {
      throw new Error(`${String(route.method)} ${route.url} declares no config.access`);
    }
    table.push({ method: String(route.method), url: route.url, access });
    if (access === 'public') {
      // Stated, not left to a global default: client generators send no token here.
      route.schema = { ...route.schema, security: [] };
      return;
    }
    route.onRequest = [authorize(sessions, access), ...hooksOf(route.onRequest)];
    const description = [route.schema?.description, describe(access)].filter(Boolean).join(' ');
    route.schema = { ...route.schema, security: [{ bearerAuth: [] }], description };
  });
  return table;
}

/** The caller of a route that is not public; a route's handler can rely on it being there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

function authorize(sessions: SessionService, access: Exclude<Access, 'public'>): onRequestAsyncHookHandler {
  return async (request) => {
    const principal = await sessions.authenticate(bearerTokenOf(request.headers.authorization));
    if (access !== 'authenticated') assertHasAny(principal, access);
    request.principal = principal;
  };
}

function describe(access: Exclude<Access, 'public'>): string {
  return access === 'authenticated' ? 'Requires a session.' : `Requires ${access.join(' or ')}.`;
}

function hooksOf(hooks: RouteOptions['onRequest']): onRequestAsyncHookHandler[] {
  if (!hooks) return [];
  return (Array.isArray(hooks) ? hooks : [hooks]) as onRequestAsyncHookHandler[];
}
