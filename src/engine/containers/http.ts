/** `engine.http`: a request to a published host port, served by the program listening in the container. */
import { engineError, err, ok, type EngineError, type Result } from '../core/errors';
import type { HttpRequest, HttpResponse } from '../runtime/process';
import type { StoreContext } from './context';
import { ensureLive } from './main-process';
import type { Container, ContainerError, ProcessInput } from './types';

/**
 * Sends `req` to whatever running container publishes `hostPort` (the store is synced to now first). Errors
 * carry curl's exit status in `exitCode` (7: nothing listens on the host port, 56: reset).
 */
export async function httpToHostPort(ctx: StoreContext, hostPort: number, req: HttpRequest): Promise<Result<HttpResponse, ContainerError>> {
  const c = ctx.list().find((x) => ctx.isRunning(x) && x.hostConfig.PortBindings.some((b) => b.hostPort === hostPort));
  if (!c) {
    // `--network host`: a server in the container listens on the host's own ports.
    for (const h of ctx.list().filter((x) => ctx.isRunning(x) && x.hostConfig.NetworkMode === 'host')) {
      const l = await ensureLive(ctx, h);
      if (l?.proc.listeningPorts().includes(hostPort)) return serveHttp(ctx, h, hostPort, req);
    }
  }
  if (!c) return err(engineError('http.refused', `Failed to connect to localhost port ${hostPort} after 0 ms: Couldn't connect to server`, { exitCode: 7 } as Partial<EngineError>));
  const b = c.hostConfig.PortBindings.find((x) => x.hostPort === hostPort)!;
  return serveHttp(ctx, c, Number(b.containerPort.split('/')[0]), req);
}

/**
 * Has the main process of the running container `c` answer `req` on `port` (recorded as an input for replays),
 * advancing it in small virtual steps (at most 30 s) until the response arrives. `at`: when the request arrives
 * (another container's request): `c` is advanced to it first, so the request is served, and replayed, then;
 * `'now'`: `c` cannot move in time (it waits for the asker's own answer), so it must answer at once. Errors:
 * nothing listens on the port, or the program hung up (both `http.reset`, curl's 56 for a published port).
 */
export async function serveHttp(ctx: StoreContext, c: Container, port: number, req: HttpRequest, at?: number | 'now'): Promise<Result<HttpResponse, ContainerError>> {
  const l = await ensureLive(ctx, c);
  if (l && typeof at === 'number' && at > c.appliedUntil) {
    await l.proc.advanceTo(at);
    if (ctx.live.get(c.id) === l) c.appliedUntil = at;
  }
  if (!l || ctx.live.get(c.id) !== l || !l.proc.listeningPorts().includes(port)) return err(engineError('http.reset', 'Recv failure: Connection reset by peer', { exitCode: 56 } as Partial<EngineError>));
  const input: ProcessInput = { time: c.appliedUntil, kind: 'http', port, req };
  c.inputs.push(input);
  const p = l.proc.httpRequest(port, req);
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  let t = c.appliedUntil;
  for (let i = 0; i < 300 && !settled && at !== 'now'; i++) {
    await l.proc.advanceTo(t);
    await Promise.resolve();
    if (settled) break;
    t += 100;
  }
  try {
    const res = await p;
    return ok(res);
  } catch {
    return err(engineError('http.reset', 'Recv failure: Connection reset by peer', { exitCode: 56 } as Partial<EngineError>));
  }
}
