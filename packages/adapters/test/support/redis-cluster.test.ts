import { describe, expect, it } from 'vitest';
import { findRedisBinaries } from './redis-cluster';

// The cluster suites skip on a machine without Redis binaries; what they print must say why.
describe('findRedisBinaries', () => {
  it('names what is missing and how to get it when no redis-server is on the PATH', () => {
    const lookup = findRedisBinaries({ PATH: '/nonexistent' });
    expect(lookup).toEqual({ missing: expect.stringMatching(/no redis-server.*REDIS_SERVER_BIN/) });
  });

  it('takes the binaries named by REDIS_SERVER_BIN and REDIS_CLI_BIN', () => {
    const lookup = findRedisBinaries({
      PATH: '',
      REDIS_SERVER_BIN: '/opt/r/server',
      REDIS_CLI_BIN: '/opt/r/cli',
    });
    expect(lookup).toEqual({ found: { server: '/opt/r/server', cli: '/opt/r/cli' } });
  });
});
