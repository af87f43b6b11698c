import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTRACT_VERSION, PRODUCT_NAME } from '../../electron/engine/schedule';

export interface CapturedRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

/**
 * An address an attacker controls, on loopback: it answers `/v1/ping` like a Schedule API (so a console that trusted it
 * would go on to sign in) and records every request's Authorization header and body. Everything else gets a 401.
 */
export async function startCaptureServer() {
  const requests: CapturedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (request.url === '/v1/ping') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({ product: PRODUCT_NAME, contractVersion: CONTRACT_VERSION, scheduleVersion: '4.7' }),
        );
        return;
      }
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Sign in.' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** Every place a secret could have travelled: Authorization headers (Basic decoded too) and bodies. */
    leaked(secret: string): CapturedRequest[] {
      return requests.filter((captured) => {
        const basic = /^Basic (.+)$/i.exec(captured.authorization ?? '')?.[1];
        const decoded = basic ? Buffer.from(basic, 'base64').toString('utf8') : '';
        return [captured.authorization ?? '', decoded, captured.body].some((text) => text.includes(secret));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
