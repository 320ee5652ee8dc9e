import { describe, expect, it } from 'vitest';
import { formatPorts, parsePortSpec, portLines } from './ports';

describe('Published ports', () => {
  it('parses -p specs like Docker', () => {
    expect(parsePortSpec('3000:80')).toEqual({ ok: true, value: [{ containerPort: '80/tcp', hostIp: '', hostPort: 3000 }] });
    expect(parsePortSpec('127.0.0.1:8080:80/udp')).toEqual({ ok: true, value: [{ containerPort: '80/udp', hostIp: '127.0.0.1', hostPort: 8080 }] });
    expect(parsePortSpec('80')).toEqual({ ok: true, value: [{ containerPort: '80/tcp', hostIp: '', hostPort: 0 }] });
    const r = parsePortSpec('8000-8001:80-81');
    expect(r.ok && r.value.map((b) => `${b.hostPort}->${b.containerPort}`)).toEqual(['8000->80/tcp', '8001->81/tcp']);
    expect(parsePortSpec('3000:abc')).toMatchObject({ ok: false, error: { message: 'invalid containerPort: abc' } });
    expect(parsePortSpec('80/xyz')).toMatchObject({ ok: false, error: { message: 'invalid proto: xyz' } });
  });

  it('takes a host range for one container port as the ports to pick from, and refuses ranges of different lengths', () => {
    expect(parsePortSpec('8000-8002:80')).toEqual({ ok: true, value: [{ containerPort: '80/tcp', hostIp: '', hostPort: 8000, hostPortEnd: 8002 }] });
    expect(parsePortSpec('80:90-91')).toMatchObject({ ok: false, error: { message: 'invalid ranges specified for container and host Ports: 90-91 and 80' } });
  });

  it('formats the PORTS column and docker port lines with IPv4 and IPv6 entries', () => {
    const b = [{ containerPort: '80/tcp', hostIp: '', hostPort: 3000 }];
    expect(formatPorts(b, ['80/tcp', '443/tcp'])).toBe('0.0.0.0:3000->80/tcp, [::]:3000->80/tcp, 443/tcp');
    expect(portLines(b)).toEqual(['80/tcp -> 0.0.0.0:3000', '80/tcp -> [::]:3000']);
    expect(portLines(b, '80')).toEqual(['0.0.0.0:3000', '[::]:3000']);
  });
});
