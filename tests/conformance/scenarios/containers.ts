/**
 * Container command cases for the containers area: one session of docker commands played in order on the
 * oracle (docker 28 client against the real engine), recorded to tests/conformance/oracle-containers.json.
 * IDs are replaced by placeholders when recorded (<id64>, <id12>, <image-id12>) so they can be compared.
 */
export interface ContainerCase {
  note: string;
  argv: string[];
  /** Optional stdin text. */
  input?: string;
}

export const containerSession: ContainerCase[] = [
  { note: 'run to completion, output on stdout', argv: ['run', '--rm', 'busybox', 'echo', 'hello'] },
  { note: 'exit code of the container process', argv: ['run', '--name', 'exit3', 'busybox', 'sh', '-c', 'echo out; echo err >&2; exit 3'] },
  { note: 'command not found: 127', argv: ['run', '--rm', 'busybox', 'nosuchcmd'] },
  { note: 'not executable: 126', argv: ['run', '--rm', 'busybox', '/etc/passwd'] },
  { note: 'detached run prints the full ID', argv: ['run', '-d', '--name', 'web', 'busybox', 'sh', '-c', 'echo started; sleep 300'] },
  { note: 'name conflict', argv: ['run', '--name', 'web', 'busybox', 'true'] },
  { note: 'ps lists running containers only', argv: ['ps', '--format', '{{.Names}}\t{{.Command}}\t{{.Status}}'] },
  { note: 'ps -a includes exited ones', argv: ['ps', '-a', '--format', '{{.Names}}\t{{.Image}}\t{{.Command}}\t{{.Status}}'] },
  { note: 'ps -q', argv: ['ps', '-q'] },
  { note: 'ps -a table header', argv: ['ps', '-a', '--format', 'table {{.Names}}\t{{.Image}}\t{{.Command}}'] },
  { note: 'exec in a running container', argv: ['exec', 'web', 'echo', 'hi from exec'] },
  { note: 'exec: command not found', argv: ['exec', 'web', 'nosuchcmd'] },
  { note: 'exec: exit code passes through', argv: ['exec', 'web', 'sh', '-c', 'exit 5'] },
  { note: 'exec in a stopped container', argv: ['exec', 'exit3', 'echo', 'x'] },
  { note: 'exec in a missing container', argv: ['exec', 'nope', 'echo', 'x'] },
  { note: 'logs of an exited container (stdout and stderr)', argv: ['logs', 'exit3'] },
  { note: 'logs of a running container', argv: ['logs', 'web'] },
  { note: 'logs --tail 1', argv: ['logs', '--tail', '1', 'exit3'] },
  { note: 'logs of a missing container', argv: ['logs', 'nope'] },
  { note: 'rm of a running container', argv: ['rm', 'web'] },
  { note: 'rmi of an image used by containers', argv: ['rmi', 'busybox'] },
  { note: 'rm of a missing container', argv: ['rm', 'nope'] },
  { note: 'stop a running container', argv: ['stop', '-t', '1', 'web'] },
  { note: 'ps -a after stop', argv: ['ps', '-a', '--format', '{{.Names}}\t{{.Status}}'] },
  { note: 'start it again', argv: ['start', 'web'] },
  { note: 'kill', argv: ['kill', 'web'] },
  { note: 'kill a stopped container', argv: ['kill', 'web'] },
  { note: 'rm a stopped container prints its name', argv: ['rm', 'web'] },
  { note: 'rm -f several, one missing', argv: ['rm', '-f', 'exit3', 'nope'] },
  { note: 'create, then start -a', argv: ['create', '--name', 'c1', 'busybox', 'echo', 'created'] },
  { note: 'start -a attaches output', argv: ['start', '-a', 'c1'] },
  { note: 'rename', argv: ['rename', 'c1', 'c2'] },
  { note: 'rename to an existing name', argv: ['rename', 'c2', 'c2'] },
  { note: 'commit prints the image ID', argv: ['commit', 'c2', 'snap:1'] },
  { note: 'interactive stdin', argv: ['run', '--rm', '-i', 'busybox', 'sh', '-c', 'cat; echo done'], input: 'line one\nline two\n' },
  { note: '-t without a terminal', argv: ['run', '--rm', '-it', 'busybox', 'true'] },
  { note: 'unknown image (no registry access on the oracle: text differs from Docker Hub)', argv: ['run', '--rm', 'nosuchimage-layerlab'] },
  { note: 'cleanup', argv: ['rm', '-f', 'c2'] },
  { note: 'network create prints the full ID', argv: ['network', 'create', 'nat'] },
  { note: 'network create: name taken', argv: ['network', 'create', 'nat'] },
  { note: 'network create: predefined name', argv: ['network', 'create', 'host'] },
  { note: 'run on a user network', argv: ['run', '-d', '--network', 'nat', '--name', 'netweb', 'busybox', 'sleep', '300'] },
  { note: 'network connect: missing container', argv: ['network', 'connect', 'nat', 'nosuch'] },
  { note: 'network connect: missing network', argv: ['network', 'connect', 'nosuch', 'netweb'] },
  { note: 'network connect: already connected', argv: ['network', 'connect', 'nat', 'netweb'] },
  { note: 'network disconnect', argv: ['network', 'disconnect', 'nat', 'netweb'] },
  { note: 'network disconnect: not connected', argv: ['network', 'disconnect', 'nat', 'netweb'] },
  { note: 'network rm: predefined and missing', argv: ['network', 'rm', 'bridge', 'nosuch'] },
  { note: 'network inspect: missing', argv: ['network', 'inspect', 'nosuch'] },
  { note: 'network inspect --format', argv: ['network', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}}', 'nat', 'none'] },
  { note: 'network cleanup', argv: ['rm', '-f', 'netweb'] },
  { note: 'network rm prints the name', argv: ['network', 'rm', 'nat'] },
  { note: 'network rm -f of a missing network', argv: ['network', 'rm', '-f', 'nat'] },
];
