/** Issue 17 §2: multi-host URLs as pg_autoctl writes them, parsed for the failover client. */
import { describe, expect, it } from 'vitest';
import { parseMultiHost } from '../../src/db/multi-host';

describe('multi-host URLs (issue 17 §2)', () => {
  it('leaves a one-host URL to node-postgres', () => {
    expect(parseMultiHost('postgres://u:p@db:5432/ssj')).toBeNull();
  });

  it('splits the hosts, keeps the credentials, database and options, and reads target_session_attrs', () => {
    const m = parseMultiHost(
      'postgres://ssj:s3cret@10.0.0.1:6101,10.0.0.2,[::1]:6103/ssj?target_session_attrs=read-write&sslmode=disable',
    );
    expect(m?.hosts).toEqual([
      { host: '10.0.0.1', port: 6101 },
      { host: '10.0.0.2', port: 5432 },
      { host: '::1', port: 6103 },
    ]);
    expect(m?.readWrite).toBe(true);
    expect(m?.firstUrl).toBe('postgres://ssj:s3cret@10.0.0.1:6101/ssj?sslmode=disable');
    expect(m?.urlOf({ host: '::1', port: 6103 })).toBe(
      'postgres://ssj:s3cret@[::1]:6103/ssj?sslmode=disable',
    );
  });

  it('takes any server when no session attribute is asked for', () => {
    expect(parseMultiHost('postgresql://h1:1,h2:2/db')?.readWrite).toBe(false);
  });
});
