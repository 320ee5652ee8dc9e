/**
 * Container-to-container traffic: the `PeerNetwork` a container's processes get (runtime `ProcessSpec.network`).
 * A program asking for `api` reaches a running container on a user-defined network it shares with `api`'s
 * container, by name, `--network-alias` or short ID (Docker's embedded DNS; the default bridge has none, as in
 * Docker); any shared network's address works too. The request goes to the port the target's main process
 * listens on (no `-p` needed between containers). `--network none` resolves nothing; names no network knows go to
 * the simulated internet.
 *
 * The container asked is first advanced to the requester's virtual time (replayed after a restore if need be),
 * and the request is recorded as its input at that time. The requester's virtual time waits for the reply (the
 * kernel's `advanceTo`), so the reply lands 1 ms after the request however long serving it takes. A container
 * asking for its own name is told so (`self`) and its own server answers, as for localhost. A container that
 * waits for the asker's own answer cannot move in time, so it answers at once (`serveHttp` `'now'`).
 *
 * Replays: a main process re-run after a restore asks again; it gets the replies recorded in its first run
 * (`Container.peerReplies`), so the other container is not asked twice.
 */
import type { HttpRequest, PeerLookup, PeerNetwork, PeerReply } from '../runtime/process';
import type { StoreContext } from './context';
import { serveHttp } from './http';
import { endpointsOf, namespaceMates } from './network';
import type { Container } from './types';

/** Replies kept per container for replays (older ones are dropped; a replay past them asks again). */
export const MAX_PEER_REPLIES = 1000;

/** The running container `host` names from `c` on a shared network, with the address used, or a reason not. */
export function resolvePeer(ctx: StoreContext, c: Container, host: string): { target: Container; ip: string } | 'unknown' | 'unresolvable' {
  const mine = endpointsOf(c);
  const names = Object.keys(mine);
  if (names.includes('none')) return 'unresolvable';
  const store = ctx.networks();
  const name = host.toLowerCase().replace(/\.$/, '');
  for (const other of ctx.list()) {
    if (!ctx.isRunning(other)) continue;
    const theirs = endpointsOf(other);
    for (const net of names) {
      const ep = theirs[net];
      if (!ep || !ep.IPAddress) continue;
      if (ep.IPAddress === name) return { target: other, ip: ep.IPAddress };
      const n = store?.get(net);
      // Docker's embedded DNS serves user-defined networks only.
      if (!n || n.BuiltIn) continue;
      const dnsNames = [other.name, ...ep.Aliases, other.id.slice(0, 12)].map((x) => x.toLowerCase());
      if (dnsNames.includes(name)) return { target: other, ip: ep.IPAddress };
    }
  }
  return 'unknown';
}

/** What a name lookup in `c` finds (nslookup, ping): a container's address, or why not. */
export function lookupPeer(ctx: StoreContext, c: Container, host: string): PeerLookup {
  const r = resolvePeer(ctx, c, host);
  if (r === 'unresolvable') return { kind: 'unresolvable' };
  const store = ctx.networks();
  const embeddedDns = Object.keys(endpointsOf(c)).some((net) => {
    const n = store?.get(net);
    return !!n && !n.BuiltIn;
  });
  return r === 'unknown' ? { kind: 'unknown', embeddedDns } : { kind: 'found', ip: r.ip, embeddedDns };
}

/** Sends `req` to `host:port` as a program in `c` would; the reply the runtime's clients turn into output. */
async function ask(ctx: StoreContext, c: Container, host: string, port: number, req: HttpRequest, at: number): Promise<PeerReply> {
  if (LOOPBACK.test(host)) {
    // localhost with nothing listening in the process: the other containers of its network namespace
    // (`--network container:NAME`) listen on the same loopback.
    for (const mate of namespaceMates(ctx, c)) {
      const reply = await serveFrom(ctx, c, mate, '127.0.0.1', port, req, at);
      if (reply.kind === 'response') return reply;
    }
    return { kind: 'refused', ip: '127.0.0.1' };
  }
  const r = resolvePeer(ctx, c, host);
  if (r === 'unknown') return { kind: 'unknown' };
  if (r === 'unresolvable') return { kind: 'unresolvable' };
  if (r.target.id === c.id) return { kind: 'self', ip: r.ip };
  return serveFrom(ctx, c, r.target, r.ip, port, req, at);
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+)$/i;

/** `c`'s request served by `target`'s server on `port` (`ip`: the address `c` used). */
async function serveFrom(ctx: StoreContext, c: Container, target: Container, ip: string, port: number, req: HttpRequest, at: number): Promise<PeerReply> {
  const r = { target, ip };
  const edges = waitsOf(ctx);
  // The target waits (directly or through others) for `c`'s own answer: its clock stands still until then, so it
  // answers without time passing (a server answering at once; one that needs time would wait forever).
  const cycle = reaches(edges, r.target.id, c.id);
  const mine = edges.get(c.id) ?? [];
  edges.set(c.id, [...mine, r.target.id]);
  try {
    const res = await serveHttp(ctx, r.target, port, req, cycle ? 'now' : at);
    if (res.ok) return { kind: 'response', ip: r.ip, res: res.value };
    return { kind: 'refused', ip: r.ip };
  } finally {
    const now = edges.get(c.id) ?? [];
    now.splice(now.indexOf(r.target.id), 1);
    if (!now.length) edges.delete(c.id);
  }
}

/** Which containers wait for which others' answers, per store. */
const waiting = new WeakMap<StoreContext, Map<string, string[]>>();

function waitsOf(ctx: StoreContext): Map<string, string[]> {
  let m = waiting.get(ctx);
  if (!m) waiting.set(ctx, (m = new Map()));
  return m;
}

/** Does `from` wait, through any chain of requests, for `to`? */
function reaches(edges: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const id = todo.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(edges.get(id) ?? []));
  }
  return false;
}

/** The network of a process in `c`; `main` for its main process (whose replies are recorded for replays). */
export function peerNetwork(ctx: StoreContext, c: Container, main: boolean): PeerNetwork {
  let seq = 0;
  return {
    lookup: (host) => Promise.resolve(lookupPeer(ctx, c, host)),
    request: async (host, port, req, at) => {
      if (!main) return ask(ctx, c, host, port, req, at);
      const n = seq++;
      const replaying = ctx.live.get(c.id)?.replaying ?? false;
      const recorded = c.peerReplies?.[n];
      if (replaying && recorded) return recorded;
      const reply = await ask(ctx, c, host, port, req, at);
      const log = (c.peerReplies ??= []);
      if (n === log.length && log.length < MAX_PEER_REPLIES) log.push(reply);
      return reply;
    },
  };
}
