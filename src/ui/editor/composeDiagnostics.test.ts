import { describe, expect, it } from 'vitest';
import * as loader from '../../engine/compose/load';
import { diagnoseCompose, isComposeFile } from './composeDiagnostics';

describe('Editor diagnostics for a Compose file', () => {
  it('knows the file names docker compose finds', () => {
    expect(['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'app/compose.yaml'].every(isComposeFile)).toBe(true);
    expect(isComposeFile('compose.json')).toBe(false);
    expect(isComposeFile('Dockerfile')).toBe(false);
  });

  it('marks an unknown service key on its line, in Compose words', async () => {
    const text = 'services:\n  web:\n    image: nginx\n    port:\n      - "8080:80"\n';
    const [d] = await diagnoseCompose(loader, { 'compose.yaml': text }, 'compose.yaml');
    expect(d.severity).toBe('error');
    expect(d.message).toBe("validating /workspace/compose.yaml: services.web additional properties 'port' not allowed");
    expect(d.range.start.line).toBe(4);
  });

  it('marks a wrong type on the value', async () => {
    const text = 'services:\n  web:\n    image: nginx\n    ports: "8080:80"\n';
    const [d] = await diagnoseCompose(loader, { 'docker-compose.yml': text }, 'docker-compose.yml');
    expect(d.message).toBe('validating /workspace/docker-compose.yml: services.web.ports must be a array');
    expect(d.range.start.line).toBe(4);
  });

  it('marks a YAML syntax error with its line', async () => {
    const text = 'services:\n  web:\n    image: nginx\n   ports: [\n';
    const [d] = await diagnoseCompose(loader, { 'compose.yml': text }, 'compose.yml');
    expect(d.code).toBe('COMPOSE_YAML');
    expect(d.message).toMatch(/^failed to parse \/workspace\/compose.yml: yaml: line \d+: /);
    expect(d.range.start.line).toBeGreaterThanOrEqual(3);
  });

  it('warns about the obsolete version attribute on its line, and is otherwise quiet', async () => {
    const text = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n';
    const d = await diagnoseCompose(loader, { 'compose.yaml': text }, 'compose.yaml');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', range: { start: { line: 1 } } });
    expect(d[0].message).toMatch(/the attribute `version` is obsolete/);
    expect(await diagnoseCompose(loader, { 'compose.yaml': 'services:\n  web:\n    image: nginx\n' }, 'compose.yaml')).toEqual([]);
  });

  it('reads a Compose file in a sub-folder against that folder', async () => {
    const text = 'services:\n  web:\n    image: nginx\n    depends_on: [db]\n';
    const [d] = await diagnoseCompose(loader, { 'app/compose.yaml': text }, 'app/compose.yaml');
    expect(d.message).toMatch(/depends on undefined service "?db"?/);
  });
});
