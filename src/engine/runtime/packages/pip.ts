/**
 * `pip`/`pip3` and `python`/`python3`: pip install (requirements files, pins, dependencies of common packages)
 * writes site-packages and pip's cache and prints pip's lines; `python -m pip`, `python -m venv`, `--version`.
 * Python code itself does not run in Layerlab: python says so in one line.
 */
import { cannotRun, getopt, pkgApplet, type PkgCtx } from './context';
import { normalize, pypiIndex, type PypiPackage } from './os-index/pypi';

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
  const index = pypiIndex();
  const versions = new Map<string, string>();
  const resolved = new Map<string, PypiPackage>();
  const unknown: string[] = [];
  // Breadth first, as pip's resolver collects: the requirements, then their dependencies ("from a->b" chains).
  const queue: { spec: string; chain: string | null }[] = reqs.map((spec) => ({ spec, chain: null }));
  const seen = new Set<string>();
  while (queue.length && !unknown.length) {
    const { spec, chain } = queue.shift()!;
    const m = /^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:(==|>=|~=|<=|>|<|!=)\s*([0-9A-Za-z.*+!-]+))?/.exec(spec);
    if (!m) continue;
    const key = normalize(m[1]);
    if (seen.has(key)) continue;
    seen.add(key);
    const clean = spec.replace(/\s+/g, '');
    p.out(`Collecting ${clean}${chain ? ` (from ${chain})` : ''}\n`);
    await p.spend(150);
    const info = index.get(key);
    if (!info) {
      unknown.push(clean);
      break;
    }
    // A pin is taken as asked: the index keeps one version per project, and its sizes stand for the others.
    const v = m[2] === '==' && m[3] ? m[3] : info.version;
    p.out(`  Downloading ${wheelName(info, v)}.metadata (${kB(1_200 + (info.size % 4_000))})\n`);
    versions.set(info.name, v);
    resolved.set(key, info);
    for (const d of info.deps) queue.push({ spec: d, chain: chain ? `${clean}->${chain}` : info.name });
  }
  if (unknown.length) {
    const spec = unknown[0];
    p.err(`ERROR: Could not find a version that satisfies the requirement ${spec} (from versions: none)\nERROR: No matching distribution found for ${spec}\n`);
    p.err(`Layerlab: the offline index has ${index.size} PyPI projects, the ones tutorials install and their dependencies; ${spec.replace(/[=<>~!].*$/, '')} is not among them\n`);
    return 1;
  }
  // Dependencies before their dependents, as pip installs them.
  const order: PypiPackage[] = [];
  const place = (o: PypiPackage) => {
    if (order.includes(o)) return;
    order.push(o);
  };
  const visit = (o: PypiPackage, path: Set<PypiPackage>) => {
    if (order.includes(o) || path.has(o)) return;
    path.add(o);
    for (const d of o.deps) {
      const dep = resolved.get(normalize(/^[A-Za-z0-9_.-]+/.exec(d)?.[0] ?? ''));
      if (dep) visit(dep, path);
    }
    place(o);
  };
  for (const o of resolved.values()) visit(o, new Set());
  for (const o of order) {
    const wheel = Math.round(o.size * 0.3);
    p.out(`Downloading ${wheelName(o, versions.get(o.name)!)} (${wheel >= 1_000_000 ? (wheel / 1_000_000).toFixed(1) + ' MB' : kB(wheel)})\n`);
    await p.spend(100 + wheel / 10_000);
  }
  p.out(`Installing collected packages: ${order.map((o) => o.name).join(', ')}\n`);
  const bin = site.startsWith('/usr/local/') ? '/usr/local/bin' : '/usr/bin';
  for (const o of order) {
    const v = versions.get(o.name)!;
    const mod = o.name.toLowerCase().replace(/-/g, '_').replace(/^beautifulsoup4$/, 'bs4').replace(/^python_dateutil$/, 'dateutil').replace(/^pyyaml$/, 'yaml').replace(/^pillow$/, 'PIL').replace(/^python_dotenv$/, 'dotenv').replace(/^psycopg2_binary$/, 'psycopg2');
    const info = `${site}/${o.name.replace(/-/g, '_')}-${v}.dist-info`;
    p.writeSynthetic(`${site}/${mod}/__init__.py`, { seed: `pypi:${o.name}==${v}`, size: o.size });
    p.write(`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${o.name}\nVersion: ${v}\n${o.deps.map((d) => `Requires-Dist: ${d}\n`).join('')}`);
    p.write(`${info}/INSTALLER`, 'pip\n');
    p.write(`${info}/WHEEL`, `Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: ${o.native ? 'false' : 'true'}\nTag: ${wheelTag(o)}\n`);
    p.write(`${info}/top_level.txt`, `${mod}\n`);
    for (const script of o.scripts) p.write(`${bin}/${script}`, `#!${bin}/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${mod} import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n`, 0o755);
    await p.spend(60 + o.size / 200_000);
  }
  if (!noCache) p.writeSynthetic(`${p.vars.HOME || '/root'}/.cache/pip/http-v2/cache.bin`, { seed: 'pipcache:' + order.map((o) => o.name).join(','), size: Math.round(order.reduce((s, o) => s + o.size * 0.3, 0)) });
  p.out(`Successfully installed ${order.map((o) => `${o.name}-${versions.get(o.name)}`).sort().join(' ')}\n`);
  if (p.uid === 0) p.err("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n");
  return 0;
}

const wheelTag = (o: PypiPackage) => (o.native ? 'cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64' : 'py3-none-any');
const wheelName = (o: PypiPackage, v: string) => `${o.name.toLowerCase().replace(/-/g, '_')}-${v}-${wheelTag(o)}.whl`;
const kB = (n: number) => `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`;

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
  const script = args.find((a) => !a.startsWith('-'));
  return cannotRun(p, name, `Python code (it runs pip, venv and --version); ${args[0] === '-c' ? 'the -c program' : args[0] === '-m' ? `module ${args[1] ?? ''}` : script ?? 'the interactive interpreter'} was not run`);
}

export const PIP_PROGRAMS = {
  pip: pkgApplet(pip),
  pip3: pkgApplet(pip),
  python: pkgApplet(python),
  python3: pkgApplet(python),
};
