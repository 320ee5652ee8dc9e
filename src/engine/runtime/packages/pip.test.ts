import { describe, expect, it } from 'vitest';
import { debianFs, run } from './testing';
import { readText } from '../fs-helpers';

function pythonFs(files: Record<string, string> = {}) {
  const fs = debianFs(files, { '/usr/local/bin/python3.13': 'python3', '/usr/local/bin/pip3.13': 'pip' });
  fs.load({ path: '/usr/local/lib/python3.13', type: 'dir', mode: 0o755 });
  for (const [link, target] of [['pip3', 'pip3.13'], ['pip', 'pip3'], ['python3', 'python3.13'], ['python', 'python3']]) fs.load({ path: `/usr/local/bin/${link}`, type: 'symlink', mode: 0o777, target });
  return fs;
}

describe('pip', () => {
  it('installs a requirements file with dependencies into site-packages', async () => {
    const fs = pythonFs({ '/app/requirements.txt': 'flask==3.1.0\n# comment\nrequests\n' });
    const r = await run(fs, 'pip install --no-cache-dir -r requirements.txt', { cwd: '/app' });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toContain('Collecting flask==3.1.0\n  Downloading flask-3.1.0-py3-none-any.whl.metadata (');
    expect(r.stdout()).toContain('Collecting requests\n');
    expect(r.stdout()).toContain('Collecting Werkzeug>=3.1 (from flask)\n');
    expect(r.stdout()).toContain('Collecting MarkupSafe>=2.1.1 (from Werkzeug>=3.1->flask)\n  Downloading markupsafe-3.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (');
    expect(r.stdout()).toContain('Installing collected packages: MarkupSafe, Werkzeug, Jinja2, itsdangerous, click, blinker, flask, ');
    expect(r.stdout()).toContain('Successfully installed Jinja2-3.1.5 MarkupSafe-3.0.2 Werkzeug-3.1.3 blinker-1.9.0 certifi-2024.12.14 charset-normalizer-3.4.1 click-8.1.8 flask-3.1.0 idna-3.10 itsdangerous-2.2.0 requests-2.32.3 urllib3-2.3.0\n');
    expect(r.stderr()).toContain("WARNING: Running pip as the 'root' user");
    expect(fs.stat('/usr/local/lib/python3.13/site-packages/flask/__init__.py')?.size).toBe(320_000);
    expect(readText(fs, '/usr/local/lib/python3.13/site-packages/flask-3.1.0.dist-info/METADATA')).toContain('Metadata-Version: 2.1\nName: flask\nVersion: 3.1.0\nRequires-Dist: Werkzeug>=3.1\n');
    expect(fs.stat('/root/.cache/pip')).toBeNull();
    // flask's console script runs python, which says it cannot run Python code.
    const flask = await run(fs, 'flask run');
    expect(flask.stderr()).toBe('python3: Layerlab cannot run Python code (it runs pip, venv and --version); /usr/local/bin/flask was not run\n');
    expect(flask.exit?.code).toBe(126);
  });

  it('says what is wrong like pip', async () => {
    const missing = await run(pythonFs(), 'pip3 install -r nope.txt');
    expect(missing.exit?.code).toBe(1);
    expect(missing.stderr()).toBe("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n");
    expect((await run(pythonFs(), 'pip install')).stderr()).toBe('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    const unknown = await run(pythonFs(), 'pip install flask nosuchproject==1.0');
    expect(unknown.exit?.code).toBe(1);
    expect(unknown.stderr()).toMatch(/^ERROR: Could not find a version that satisfies the requirement nosuchproject==1\.0 \(from versions: none\)\nERROR: No matching distribution found for nosuchproject==1\.0\nLayerlab: the offline index has \d+ PyPI projects, the ones tutorials install and their dependencies; nosuchproject is not among them\n$/);
  });

  it('python: --version, -m pip, -m venv; Python code is not run and it says so', async () => {
    const fs = pythonFs();
    expect((await run(fs, 'python --version', { env: { PYTHON_VERSION: '3.13.0' } })).stdout()).toBe('Python 3.13.0\n');
    expect((await run(fs, 'python3 -m pip install six')).stdout()).toContain('Successfully installed six-1.17.0\n');
    expect((await run(fs, 'python -m venv /opt/venv')).exit?.code).toBe(0);
    expect(fs.stat('/opt/venv/bin/python')?.mode).toBe(0o755);
    const code = await run(fs, 'python app.py');
    expect(code.exit?.code).toBe(126);
    expect(code.stderr()).toBe('python3: Layerlab cannot run Python code (it runs pip, venv and --version); app.py was not run\n');
  });
});
