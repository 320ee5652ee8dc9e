/**
 * Containers (status, ports, logs) and a browser-like preview of a published port, as two tabs. The table's
 * cells wrap and its actions are icon buttons, so it fits a narrow column without clipping.
 */
import { useState } from 'react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { containers } from '../engine/engineApi';
import { Preview } from '../preview/Preview';
import { bufferIO } from '../../engine/core/io';
import { writeToTerminal } from '../state/terminalBus';
import { ContainerGroups, inComposeProject } from './ContainerGroups';
import { Globe, ScrollText, Square, Trash2 } from 'lucide-react';
import { IconButton } from '../kit/IconButton';

export function SidePanel() {
  const t = useT();
  const [tab, setTab] = useState<'containers' | 'preview'>('containers');
  const [open, setOpen] = useState<{ port: number; n: number } | null>(null);
  return (
    <section className="region side" aria-label={t('region.side')} data-testid="side-panel">
      <div role="tablist" className="tabs" aria-label={t('region.side')}>
        <button role="tab" type="button" id="tab-containers" aria-controls="panel-containers" aria-selected={tab === 'containers'} onClick={() => setTab('containers')}>
          {t('tab.containers')}
        </button>
        <button role="tab" type="button" id="tab-preview" aria-controls="panel-preview" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>
          {t('tab.preview')}
        </button>
      </div>
      <div role="tabpanel" id="panel-containers" aria-labelledby="tab-containers" hidden={tab !== 'containers'}>
        <Containers
          onOpen={(port) => {
            setOpen((o) => ({ port: Number(port), n: (o?.n ?? 0) + 1 }));
            setTab('preview');
          }}
        />
      </div>
      <div role="tabpanel" id="panel-preview" aria-labelledby="tab-preview" hidden={tab !== 'preview'}>
        <Preview active={tab === 'preview'} open={open} />
      </div>
    </section>
  );
}

function Containers({ onOpen }: { onOpen: (port: string) => void }) {
  const t = useT();
  const engine = useApp((s) => s.engine);
  useApp((s) => s.engineRev);
  const [logs, setLogs] = useState<{ name: string; text: string } | null>(null);
  const all = engine ? containers(engine) : [];
  const list = all.filter((c) => !inComposeProject(c));
  const run = async (argv: string[]) => {
    if (!engine) return;
    const io = bufferIO();
    await engine.run(argv, io);
    return io;
  };
  // the engine is starting (see state/store.ts): its containers are not known yet
  if (!engine) return <p className="muted" aria-busy="true">{t('engine.starting')}</p>;
  if (all.length === 0) return <p className="muted">{t('containers.none')}</p>;
  return (
    <>
      <ContainerGroups containers={all} run={run} onLogs={(name, text) => setLogs({ name, text })} onDone={(text) => writeToTerminal(text.replace(/\n/g, '\r\n'))} onOpen={onOpen} />
      {list.length > 0 && <table className="containers" data-testid="containers">
        <thead>
          <tr>
            <th scope="col">{t('containers.name')}</th>
            <th scope="col">{t('containers.image')}</th>
            <th scope="col">{t('containers.status')}</th>
            <th scope="col">{t('containers.ports')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('containers.logs')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => {
            const hostPorts = [...c.ports.matchAll(/(?:^|[\s,])(?:[\d.]+:)?(\d+)(?:->|:)/g)].map((m) => m[1]);
            return (
              <tr key={c.id || c.name}>
                <td>{c.name}</td>
                <td>{c.image}</td>
                <td className={c.running ? 'running' : ''}>{c.status}</td>
                <td className="ports">
                  {c.ports}
                  {hostPorts.map((p) => (
                    <button key={p} type="button" className="link open-port" onClick={() => onOpen(p)}>
                      <Globe size={13} aria-hidden /> {t('containers.open', { port: `localhost:${p}` })}
                    </button>
                  ))}
                </td>
                <td className="actions">
                  <IconButton
                    className="small"
                    label={`${t('containers.logs')} ${c.name}`}
                    icon={<ScrollText size={15} aria-hidden />}
                    onClick={async () => {
                      const io = await run(['logs', c.name || c.id]);
                      if (io) setLogs({ name: c.name, text: io.out + io.err });
                    }}
                  />
                  {c.running && (
                    <IconButton
                      className="small"
                      label={`${t('containers.stop')} ${c.name}`}
                      icon={<Square size={14} aria-hidden />}
                      onClick={() => run(['stop', c.name || c.id]).then((io) => io && writeToTerminal((io.out + io.err).replace(/\n/g, '\r\n')))}
                    />
                  )}
                  <IconButton className="small" tone="danger" label={`${t('containers.remove')} ${c.name}`} icon={<Trash2 size={15} aria-hidden />} onClick={() => run(['rm', '-f', c.name || c.id])} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>}
      {logs && (
        <section className="logs" aria-label={t('containers.logsOf', { name: logs.name })}>
          <h3>{t('containers.logsOf', { name: logs.name })}</h3>
          <pre data-testid="container-logs">{logs.text}</pre>
        </section>
      )}
    </>
  );
}
