/** Tag, builder, --no-cache, target stage, build args and the Build button (also Ctrl/Cmd+Enter anywhere). */
import { useEffect, useId } from 'react';
import { activeWorkspace, engineStarting, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { stageNames, textOf } from '../workspace/workspace';
import { Hammer } from 'lucide-react';

export function BuildControls() {
  const t = useT();
  const ws = useApp((s) => activeWorkspace(s));
  const settings = useApp((s) => s.settings);
  const building = useApp((s) => s.building);
  const target = useApp((s) => s.target);
  const buildArgs = useApp((s) => s.buildArgs);
  const ready = useApp((s) => s.phase === 'ready');
  // While the engine starts the button is disabled and says why; Ctrl/Cmd+Enter queues the build (see store).
  const starting = useApp(engineStarting);
  const queued = useApp((s) => s.buildQueued);
  const { setTag, setSettings, setTarget, setBuildArgs, build } = useApp.getState();
  const id = useId();
  const stages = stageNames(textOf(ws?.files['Dockerfile']));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        // the terminal uses Enter itself; Monaco registers its own Ctrl+Enter
        const el = e.target as HTMLElement | null;
        if (el?.closest('.monaco-host')) return;
        e.preventDefault();
        void useApp.getState().build();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!ws) return null;
  return (
    <form
      className="build-controls"
      aria-label={t('build.button')}
      onSubmit={(e) => {
        e.preventDefault();
        void build();
      }}
    >
      <label>
        {t('build.tag')}
        <input data-testid="build-tag" value={ws.tag} onChange={(e) => setTag(e.target.value)} size={14} spellCheck={false} />
      </label>
      <label>
        {t('build.builder')}
        <select data-testid="build-builder" value={settings.builder} onChange={(e) => setSettings({ builder: e.target.value as 'buildkit' | 'legacy' })}>
          <option value="buildkit">BuildKit</option>
          <option value="legacy">legacy (DOCKER_BUILDKIT=0)</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="build-no-cache" checked={settings.noCache} onChange={(e) => setSettings({ noCache: e.target.checked })} />
        {t('build.noCache')}
      </label>
      <label className="build-target">
        {t('build.target')}
        <select value={stages.includes(target) ? target : ''} onChange={(e) => setTarget(e.target.value)} disabled={stages.length === 0}>
          <option value="">{t('build.targetLast')}</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <details className="build-args">
        <summary>{t('build.args')}</summary>
        <label htmlFor={id} className="visually-hidden">
          {t('build.args')}
        </label>
        <textarea id={id} rows={2} value={buildArgs} placeholder={t('build.argsPlaceholder')} onChange={(e) => setBuildArgs(e.target.value)} spellCheck={false} />
      </details>
      <button
        type="submit"
        className="primary"
        data-testid="build-button"
        disabled={building || queued || starting || !ready}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-describedby={starting ? `${id}-starting` : undefined}
        title={starting ? t('build.engineStarting') : t('build.shortcut')}
      >
        <Hammer size={16} aria-hidden />
        {building ? t('build.building') : queued ? t('build.queued') : t('build.button')}
      </button>
      {starting && (
        <span id={`${id}-starting`} className="visually-hidden" role="status">
          {t('build.engineStarting')}
        </span>
      )}
    </form>
  );
}
