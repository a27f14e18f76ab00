/** Issue 17 §1–2: which database errors send a read to the primary, and which mean a failover. */
import { describe, expect, it } from 'vitest';
import { isConnectionError, isRecoveryConflict } from '../../src/db/replicas';

const pgError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('database errors', () => {
  it('knows a lost connection, also when the query layer wraps it', () => {
    expect(isConnectionError(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isConnectionError(pgError('57P01', 'terminating connection due to administrator command'))).toBe(
      true,
    );
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    const wrapped = new Error('Failed query: select 1', {
      cause: pgError('08006', 'connection failure'),
    });
    expect(isConnectionError(wrapped)).toBe(true);
    // wrong queries are not the network's fault
    expect(isConnectionError(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(
      isConnectionError(new Error('Failed query', { cause: pgError('42P01', 'relation does not exist') })),
    ).toBe(false);
  });

  it('retries on the primary a read a hot standby cancelled for its replay, and nothing else', () => {
    expect(isRecoveryConflict(pgError('40001', 'canceling statement due to conflict with recovery'))).toBe(
      true,
    );
    expect(isRecoveryConflict(pgError('40001', 'could not serialize access due to concurrent update'))).toBe(
      false,
    );
    expect(isRecoveryConflict(pgError('57P01', 'conflict with recovery'))).toBe(false);
  });
});
