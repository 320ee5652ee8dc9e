/**
 * Compose apps in the containers panel: the containers carrying Compose's `com.docker.compose.project` label,
 * grouped by project (as `docker compose ls` and Docker Desktop group them), each service with its container and
 * status, and the project's actions as `docker compose -p NAME stop|down|logs` (which work from the project's
 * name alone, without its Compose file). Containers without the label stay in the panel's plain table.
 */
import type { ContainerView } from '../engine/engineApi';
import { useT } from '../i18n/useT';
import './ContainerGroups.css';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
const ONEOFF = 'com.docker.compose.oneoff';

export interface GroupMember {
  id: string;
  name: string;
  service: string;
  /** "running", "exited (0)", as the panel's table writes it. */
  status: string;
  running: boolean;
  /** Published host ports ("8080"). */
  hostPorts: string[];
  /** "8080->80", as the panel's table writes ports. */
  ports: string;
}

export interface ComposeGroup {
  project: string;
  /** `docker compose ls`'s combined status: "running(2)", "exited(1), running(1)". */
  status: string;
  running: boolean;
  members: GroupMember[];
}

/** Whether the container with this id belongs to a Compose project (and so shows in a group, not in the table). */
export function inComposeProject(c: ContainerView): boolean {
  return !!c.labels[PROJECT];
}

/** The engine's containers grouped by Compose project, projects and services in name order. */
export function composeGroups(containers: ContainerView[]): ComposeGroup[] {
  const by = new Map<string, GroupMember[]>();
  for (const c of containers) {
    const labels = c.labels;
    const project = labels[PROJECT];
    if (!project) continue;
    const oneoff = labels[ONEOFF] === 'True';
    by.set(project, [
      ...(by.get(project) ?? []),
      {
        id: c.id,
        name: c.name,
        service: (labels[SERVICE] ?? '') + (oneoff ? ' (run)' : ''),
        status: c.status,
        running: c.running,
        hostPorts: c.hostPorts,
        ports: c.ports,
      },
    ]);
  }
  return [...by.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([project, members]) => {
      const counts = new Map<string, number>();
      for (const m of members) {
        const k = m.status.replace(/ \(.*$/, '');
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return {
        project,
        status: [...counts.keys()].sort().map((k) => `${k}(${counts.get(k)})`).join(', '),
        running: members.some((m) => m.running),
        members: members.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.name < b.name ? -1 : 1)),
      };
    });
}

export function ContainerGroups({
  containers,
  run,
  onLogs,
  onDone,
  onOpen,
}: {
  containers: ContainerView[];
  /** Runs a docker command (argv without `docker`) and resolves with its output. */
  run: (argv: string[]) => Promise<{ out: string; err: string } | undefined>;
  onLogs: (name: string, text: string) => void;
  /** A stop/down finished: its output (for the terminal). */
  onDone?: (text: string) => void;
  /** Opens a published host port in the preview. */
  onOpen?: (port: string) => void;
}) {
  const t = useT();
  const groups = composeGroups(containers);
  if (!groups.length) return null;
  const act = async (project: string, cmd: 'stop' | 'down') => {
    const io = await run(['compose', '-p', project, cmd]);
    if (io) onDone?.(io.out + io.err);
  };
  return (
    <div className="compose-groups" data-testid="compose-groups">
      {groups.map((g) => (
        <section key={g.project} className="compose-group" aria-label={t('compose.project', { name: g.project })} data-testid="compose-group" data-project={g.project}>
          <header className="compose-group-head">
            <h3>{t('compose.project', { name: g.project })}</h3>
            <span className={g.running ? 'running' : ''} data-testid="compose-status">
              {g.status}
            </span>
            <span className="actions">
              <button
                type="button"
                onClick={async () => {
                  const io = await run(['compose', '-p', g.project, 'logs', '--no-color']);
                  if (io) onLogs(g.project, io.out + io.err);
                }}
              >
                {t('containers.logs')}
              </button>
              {g.running && (
                <button type="button" onClick={() => void act(g.project, 'stop')}>
                  {t('containers.stop')}
                </button>
              )}
              <button type="button" onClick={() => void act(g.project, 'down')} title={t('compose.downHint')}>
                {t('compose.down')}
              </button>
            </span>
          </header>
          <table className="containers">
            <thead>
              <tr>
                <th scope="col">{t('compose.service')}</th>
                <th scope="col">{t('containers.name')}</th>
                <th scope="col">{t('containers.status')}</th>
                <th scope="col">{t('containers.ports')}</th>
              </tr>
            </thead>
            <tbody>
              {g.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.service}</td>
                  <td>{m.name}</td>
                  <td className={m.running ? 'running' : ''}>{m.status}</td>
                  <td>
                    {m.ports}
                    {onOpen &&
                      m.hostPorts.map((p) => (
                        <button key={p} type="button" className="link" onClick={() => onOpen(p)}>
                          {t('containers.open', { port: `localhost:${p}` })}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
