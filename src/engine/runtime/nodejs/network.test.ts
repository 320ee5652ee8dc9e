import { describe, expect, it } from 'vitest';
import { lookupSite } from './network';

describe('the simulated internet', () => {
  it('knows its sites by host name, case and trailing dot aside', () => {
    expect(lookupSite('Example.COM.')?.status).toBe(200);
  });

  it('is no site for host names that are names of object properties', () => {
    for (const host of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) expect(lookupSite(host)).toBeNull();
  });
});
