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
    expect(r.stdout()).toContain('Collecting flask==3.1.0\n  Downloading flask-3.1.0-py3-none-any.whl.metadata (3.0 kB)\nCollecting werkzeug\n');
    expect(r.stdout()).toContain('Installing collected packages: flask, werkzeug, jinja2, itsdangerous, click, blinker, markupsafe, requests, urllib3, idna, certifi, charset-normalizer\n');
    expect(r.stdout()).toContain('Successfully installed flask-3.1.0 werkzeug-3.1.3 ');
    expect(r.stderr()).toContain("WARNING: Running pip as the 'root' user");
    expect(fs.stat('/usr/local/lib/python3.13/site-packages/flask/__init__.py')?.size).toBe(300_000);
    expect(readText(fs, '/usr/local/lib/python3.13/site-packages/flask-3.1.0.dist-info/METADATA')).toBe('Metadata-Version: 2.1\nName: flask\nVersion: 3.1.0\n');
    expect(fs.stat('/root/.cache/pip')).toBeNull();
  });

  it('says what is wrong like pip', async () => {
    const missing = await run(pythonFs(), 'pip3 install -r nope.txt');
    expect(missing.exit?.code).toBe(1);
    expect(missing.stderr()).toBe("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n");
    expect((await run(pythonFs(), 'pip install')).stderr()).toBe('ERROR: You must give at least one requirement to install (see "pip help install")\n');
  });

  it('python: --version, -m pip, -m venv; Python code is not run and it says so', async () => {
    const fs = pythonFs();
    expect((await run(fs, 'python --version', { env: { PYTHON_VERSION: '3.13.0' } })).stdout()).toBe('Python 3.13.0\n');
    expect((await run(fs, 'python3 -m pip install six')).stdout()).toContain('Successfully installed six-1.17.0\n');
    expect((await run(fs, 'python -m venv /opt/venv')).exit?.code).toBe(0);
    expect(fs.stat('/opt/venv/bin/python')?.mode).toBe(0o755);
    const code = await run(fs, 'python app.py');
    expect(code.exit?.code).toBe(126);
    expect(code.stderr()).toBe('python3: Layerlab does not run Python code (only pip, venv and --version); nothing was run\n');
  });
});
