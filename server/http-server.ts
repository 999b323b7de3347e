/**
 * The HTTP server the app runs in, with the settings it needs whoever starts it (main.ts, the benchmark).
 *
 * Keep-alive: a candidate's page saves at most 5 s after a change, so with Node's default of 5 s the server
 * closes a typing candidate's connection just as the next save arrives: a new connection (and TCP handshake)
 * for many saves, and a request sent on a closing socket fails. Connections stay open for 65 s, longer than
 * the autosave interval and than the usual load balancer idle timeout (60 s), so the balancer, not Node,
 * closes first. Headers must still arrive within a second more than that (Node's advice: above keepAlive).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export const KEEP_ALIVE_MS = 65_000;

type Listen = { port: number; hostname: string };

export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  { port, hostname }: Listen,
  onListening: (info: AddressInfo) => void,
): ReturnType<typeof serve> {
  const server = serve({ fetch, port, hostname }, onListening);
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  return server;
}
