/**
 * `pip`/`pip3` and `python`/`python3`: pip install (requirements files, pins, dependencies of common packages)
 * writes site-packages and pip's cache and prints pip's lines; `python -m pip`, `python -m venv`, `--version`.
 * Python code itself does not run in Layerlab: python says so in one line.
 */
import { getopt, pkgApplet, type PkgCtx } from './context';
import { table } from './table';

const PYPI = table<{ v: string; size: number; deps?: string[] }>({
  flask: { v: '3.1.0', size: 300_000, deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker', 'markupsafe'] },
  werkzeug: { v: '3.1.3', size: 800_000 },
  jinja2: { v: '3.1.5', size: 500_000 },
  itsdangerous: { v: '2.2.0', size: 60_000 },
  click: { v: '8.1.8', size: 400_000 },
  blinker: { v: '1.9.0', size: 30_000 },
  markupsafe: { v: '3.0.2', size: 50_000 },
  requests: { v: '2.32.3', size: 200_000, deps: ['urllib3', 'idna', 'certifi', 'charset-normalizer'] },
  urllib3: { v: '2.3.0', size: 500_000 },
  idna: { v: '3.10', size: 300_000 },
  certifi: { v: '2024.12.14', size: 300_000 },
  'charset-normalizer': { v: '3.4.1', size: 400_000 },
  numpy: { v: '2.2.1', size: 60_000_000 },
  pandas: { v: '2.2.3', size: 70_000_000, deps: ['numpy', 'python-dateutil', 'pytz', 'tzdata'] },
  'python-dateutil': { v: '2.9.0.post0', size: 700_000, deps: ['six'] },
  six: { v: '1.17.0', size: 40_000 },
  pytz: { v: '2024.2', size: 2_800_000 },
  tzdata: { v: '2024.2', size: 1_900_000 },
  django: { v: '5.1.4', size: 28_000_000, deps: ['asgiref', 'sqlparse'] },
  asgiref: { v: '3.8.1', size: 120_000 },
  sqlparse: { v: '0.5.3', size: 250_000 },
  fastapi: { v: '0.115.6', size: 700_000, deps: ['starlette', 'pydantic', 'typing-extensions'] },
  starlette: { v: '0.41.3', size: 500_000, deps: ['anyio'] },
  anyio: { v: '4.7.0', size: 500_000, deps: ['sniffio'] },
  sniffio: { v: '1.3.1', size: 20_000 },
  pydantic: { v: '2.10.4', size: 2_000_000, deps: ['pydantic-core', 'annotated-types'] },
  'pydantic-core': { v: '2.27.2', size: 5_000_000 },
  'annotated-types': { v: '0.7.0', size: 40_000 },
  'typing-extensions': { v: '4.12.2', size: 150_000 },
  uvicorn: { v: '0.34.0', size: 300_000, deps: ['click', 'h11'] },
  h11: { v: '0.14.0', size: 200_000 },
  gunicorn: { v: '23.0.0', size: 800_000, deps: ['packaging'] },
  packaging: { v: '24.2', size: 200_000 },
  redis: { v: '5.2.1', size: 1_200_000 },
  'psycopg2-binary': { v: '2.9.10', size: 9_000_000 },
});

function sitePackages(p: PkgCtx): string {
  for (const base of ['/usr/local/lib', '/usr/lib']) {
    const libs = (p.fs.readdir(base) ?? []).filter((n) => /^python3\.\d+$/.test(n));
    if (libs.length) return `${base}/${libs.sort().pop()}/site-packages`;
  }
  return '/usr/local/lib/python3.12/site-packages';
}

/** The image's Python version: PYTHON_VERSION (official images) or 3.12.8. */
function pythonVersion(p: PkgCtx): string {
  return p.vars.PYTHON_VERSION || '3.12.8';
}

export async function pip(p: PkgCtx): Promise<number> {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'r');
  const [sub, ...rest] = operands;
  if (flags.has('version') || flags.has('V')) {
    p.out(`pip 24.3.1 from ${sitePackages(p)}/pip (python ${pythonVersion(p).split('.').slice(0, 2).join('.')})\n`);
    return 0;
  }
  if (sub !== 'install') {
    if (sub === 'freeze' || sub === 'list') return 0;
    p.err(`ERROR: unknown command "${sub ?? ''}"\n`);
    return 1;
  }
  const reqs: string[] = [...rest];
  const reqFile = values.get('r') ?? values.get('requirement');
  if (reqFile) {
    const text = p.read(reqFile);
    if (text === null) {
      p.err(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${reqFile}'\n`);
      return 1;
    }
    for (const l of text.split('\n')) {
      const t = l.replace(/#.*$/, '').trim();
      if (t && !t.startsWith('-')) reqs.push(t);
    }
  }
  if (!reqs.length) {
    p.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const site = sitePackages(p);
  const noCache = flags.has('no-cache-dir');
  const order: { name: string; v: string; size: number }[] = [];
  const seen = new Set<string>();
  const visit = async (spec: string, top: boolean) => {
    const m = /^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:(==|>=|~=|<=|>|<)\s*([0-9A-Za-z.*+!-]+))?/.exec(spec);
    if (!m) return;
    const name = m[1].toLowerCase();
    if (seen.has(name)) return;
    seen.add(name);
    const info = PYPI[name] ?? { v: m[3] && m[2] === '==' ? m[3] : `${p.rand('pv' + name, 0, 5)}.${p.rand('pv2' + name, 0, 30)}.${p.rand('pv3' + name, 0, 9)}`, size: p.rand('ps' + name, 30, 2000) * 1000 };
    const v = m[3] && m[2] === '==' ? m[3] : info.v;
    p.out(`Collecting ${top ? spec : name}\n`);
    const wheel = Math.round(info.size * 0.3);
    p.out(`  Downloading ${name.replace(/-/g, '_')}-${v}-py3-none-any.whl.metadata (${(wheel / 1000 / 50 + 1.2).toFixed(1)} kB)\n`);
    await p.spend(150 + wheel / 10_000);
    order.push({ name, v, size: info.size });
    for (const d of info.deps ?? []) await visit(d, false);
  };
  for (const r of reqs) await visit(r, true);
  for (const o of order) {
    const wheel = Math.round(o.size * 0.3);
    p.out(`Downloading ${o.name.replace(/-/g, '_')}-${o.v}-py3-none-any.whl (${wheel >= 1_000_000 ? (wheel / 1_000_000).toFixed(1) + ' MB' : Math.max(1, Math.round(wheel / 1000)) + ' kB'})\n`);
  }
  p.out(`Installing collected packages: ${order.map((o) => o.name).join(', ')}\n`);
  for (const o of order) {
    const dir = `${site}/${o.name.replace(/-/g, '_')}`;
    p.mkdirp(dir);
    p.writeSynthetic(`${dir}/__init__.py`, { seed: `pypi:${o.name}==${o.v}`, size: o.size });
    p.write(`${site}/${o.name.replace(/-/g, '_')}-${o.v}.dist-info/METADATA`, `Metadata-Version: 2.1\nName: ${o.name}\nVersion: ${o.v}\n`);
    await p.spend(60 + o.size / 200_000);
  }
  if (!noCache) p.writeSynthetic('/root/.cache/pip/http-v2/cache.bin', { seed: 'pipcache:' + order.map((o) => o.name).join(','), size: Math.round(order.reduce((s, o) => s + o.size * 0.3, 0)) });
  p.out(`Successfully installed ${order.map((o) => `${o.name}-${o.v}`).join(' ')}\n`);
  if (p.uid === 0) p.err("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n");
  return 0;
}

export async function python(p: PkgCtx): Promise<number> {
  const args = p.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    p.out(`Python ${pythonVersion(p)}\n`);
    return 0;
  }
  if (args[0] === '-m' && (args[1] === 'pip' || args[1] === 'pip3')) return pip({ ...p, argv: ['pip', ...args.slice(2)] });
  if (args[0] === '-m' && args[1] === 'venv' && args[2]) {
    const dir = p.path(args[2]);
    p.mkdirp(dir + '/bin');
    p.writeSynthetic(dir + '/bin/python', { seed: 'venv-python', size: 16_000 }, 0o755);
    p.write(dir + '/bin/pip', '#!/usr/bin/env python\n', 0o755);
    p.write(dir + '/pyvenv.cfg', `home = /usr/local/bin\ninclude-system-site-packages = false\nversion = ${pythonVersion(p)}\n`);
    await p.spend(2500);
    return 0;
  }
  const name = p.argv[0].split('/').pop() ?? 'python3';
  p.err(`${name}: Layerlab does not run Python code (only pip, venv and --version); nothing was run\n`);
  return 126;
}

export const PIP_PROGRAMS = {
  pip: pkgApplet(pip),
  pip3: pkgApplet(pip),
  python: pkgApplet(python),
  python3: pkgApplet(python),
};
