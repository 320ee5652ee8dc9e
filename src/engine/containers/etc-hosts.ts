/**
 * The `/etc/hosts` Docker Engine 28 writes for a container on the default bridge (moby v28 libnetwork/etchosts
 * `Build` with the IPv6 defaults, as for a container whose loopback has ::1; sandbox_dns_unix.go `makeHostsRecs`):
 * one `IP<TAB>names` line per record, the container's address last, named by its hostname (and, for a dotted
 * hostname, its first label too). Without an address (no network) there is no container line.
 */
export function etcHostsText(hostname: string, domainname: string, ip: string): string {
  let text = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
  if (!ip) return text;
  let names = domainname ? `${hostname}.${domainname}` : hostname;
  const dot = names.indexOf('.');
  if (dot >= 0) names += ' ' + names.slice(0, dot);
  text += `${ip}\t${names}\n`;
  return text;
}
