import { describe, expect, it } from 'vitest';
import { freeAddress, macFor, nextPool, parseCidr, formatCidr } from './ipam';

describe('IPAM', () => {
  it("hands out Docker's default pools in order, skipping taken ones", () => {
    const taken = ['172.17.0.0/16', '172.18.0.0/16', '172.20.0.0/16'].map((s) => parseCidr(s)!);
    expect(formatCidr(nextPool(taken)!)).toBe('172.19.0.0/16');
    const all = [];
    for (let i = 17; i <= 31; i++) all.push(parseCidr(`172.${i}.0.0/16`)!);
    expect(formatCidr(nextPool(all)!)).toBe('192.168.0.0/20');
  });

  it('gives the lowest free address that is not the gateway', () => {
    const c = parseCidr('10.0.0.0/30')!;
    expect(freeAddress(c, '10.0.0.1', new Set())).toBe('10.0.0.2');
    expect(freeAddress(c, '10.0.0.1', new Set(['10.0.0.2']))).toBe(null);
  });

  it("derives Engine 20.10's MAC from the address", () => {
    expect(macFor('172.17.0.2')).toBe('02:42:ac:11:00:02');
  });
});
