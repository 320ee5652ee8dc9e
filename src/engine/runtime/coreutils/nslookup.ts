/**
 * `nslookup NAME [SERVER]`: BusyBox's nslookup against the container's resolver. On a user-defined network that
 * is Docker's embedded DNS at 127.0.0.11, which knows the containers of the network by name and alias; on the
 * default bridge the container uses the host's resolver (Layerlab's host: 8.8.8.8, Docker's fallback when the
 * host's own is a loopback address), which knows no container names, only the simulated internet's hosts. Output
 * as BusyBox prints it for the A and the (empty) AAAA answer (testdata/engine-20.10-network-applets.txt); a name
 * nobody knows is NXDOMAIN, as Docker's DNS forwards it upstream.
 */
import type { Applet } from './types';

/** The resolver of a container on the default bridge (see above). */
export const HOST_RESOLVER = '8.8.8.8';

export const nslookup: Applet = async (argv, io, e) => {
  const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
  const bad = argv.slice(1).find((a) => a.startsWith('-') && !/^-(type|query|q)=(a|aaaa|any)$/i.test(a) && a !== '-debug');
  if (bad) {
    io.err(`nslookup: Layerlab answers address queries only (A/AAAA): ${bad}\n`);
    return 1;
  }
  const [name, server] = operands;
  if (!name || operands.length > 2) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    io.err(`nslookup: Layerlab does not answer reverse (PTR) queries: ${name}\n`);
    return 1;
  }
  const found = e.lookup ? await e.lookup(name) : null;
  const resolver = server ?? (found && !found.ok && found.noNetwork ? HOST_RESOLVER : found?.embeddedDns ? '127.0.0.11' : HOST_RESOLVER);
  if (found && !found.ok && found.noNetwork) {
    io.err(`nslookup: can't connect to remote host (${resolver}): Network is unreachable\n`);
    return 1;
  }
  io.out(`Server:\t\t${resolver}\nAddress:\t${resolver}:53\n\n`);
  // The default bridge's resolver is outside Docker: container names mean nothing to it.
  const answer = found?.ok && (found.embeddedDns || !found.ip.startsWith('172.')) ? found.ip : null;
  if (!answer) {
    io.out(`** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  io.out(`Non-authoritative answer:\nName:\t${name}\nAddress: ${answer}\n\nNon-authoritative answer:\n\n`);
  return 0;
};
