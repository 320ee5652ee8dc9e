/** The `console` object of a node program: printf-style formatting and inspection onto stdout/stderr. */
import type { ProgramContext } from '../kernel';
import { format, inspect, type InspectOptions } from './inspect';

export function createConsole(ctx: ProgramContext, inspectOpts: InspectOptions): any {
  // On a terminal Node colours inspected values (not %s/%d substitutions).
  const opts = { ...inspectOpts, colors: !!ctx.spec.tty };
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const out = (stream: 'stdout' | 'stderr', args: unknown[]) => {
    const text = format(opts, ...args);
    ctx.write(stream, (indent ? text.split('\n').map((l) => indent + l).join('\n') : text) + '\n');
  };
  const c: any = {
    log: (...a: unknown[]) => out('stdout', a),
    info: (...a: unknown[]) => out('stdout', a),
    debug: (...a: unknown[]) => out('stdout', a),
    error: (...a: unknown[]) => out('stderr', a),
    warn: (...a: unknown[]) => out('stderr', a),
    trace: (...a: unknown[]) => out('stderr', [`Trace: ${format(opts, ...a)}\n    at <anonymous>`]),
    dir: (v: unknown, o?: any) => ctx.write('stdout', inspect(v, { ...opts, ...(o ?? {}) }) + '\n'),
    table: (v: unknown) => out('stdout', [v]),
    assert: (cond: unknown, ...a: unknown[]) => {
      if (!cond) out('stderr', a.length ? [`Assertion failed: ${format(opts, ...a)}`] : ['Assertion failed']);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      out('stdout', [`${label}: ${n}`]);
    },
    countReset: (label = 'default') => counts.delete(label),
    group: (...a: unknown[]) => {
      if (a.length) out('stdout', a);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
    time: (label = 'default') => timers.set(label, ctx.now()),
    timeEnd: (label = 'default') => {
      const t = timers.get(label);
      if (t === undefined) return;
      timers.delete(label);
      out('stdout', [`${label}: ${(ctx.now() - t).toFixed(3)}ms`]);
    },
    timeLog: (label = 'default', ...a: unknown[]) => {
      const t = timers.get(label);
      if (t !== undefined) out('stdout', [`${label}: ${(ctx.now() - t).toFixed(3)}ms`, ...a]);
    },
  };
  c.groupCollapsed = c.group;
  c.Console = function Console() {
    return c;
  };
  return c;
}
