import { request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
}

/** One request on a fresh connection (no keep-alive agent), so "refused" means the port is closed. */
export function httpRequest(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        agent: false,
        headers: { ...options.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
