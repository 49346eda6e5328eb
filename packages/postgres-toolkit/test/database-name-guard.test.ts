import { describe, expect, it } from 'vitest';
import {
  DatabaseNameRefusedError,
  assertDatabaseNameSays,
  databaseNameOf,
  guardedServerUrl,
} from '../src/database-name-guard';

describe('the database-name guard', () => {
  it('lets through a database whose name contains the required word, in any case', () => {
    expect(() => assertDatabaseNameSays('stratum_test', 'test')).not.toThrow();
    expect(() => assertDatabaseNameSays('Stratum_BENCH_1', 'bench')).not.toThrow();
  });

  it('refuses any other name with a typed error that names the database and the word', () => {
    const refusal = (() => {
      try {
        assertDatabaseNameSays('stratum', 'test', 'tests create and drop databases');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DatabaseNameRefusedError);
    expect(refusal).toMatchObject({
      code: 'DATABASE_NAME_REFUSED',
      database: 'stratum',
      requiredWord: 'test',
      message: expect.stringContaining('tests create and drop databases'),
    });
  });

  it('takes the word as a parameter: a test database is not a bench database', () => {
    expect(() => assertDatabaseNameSays('stratum_test', 'bench')).toThrow(DatabaseNameRefusedError);
  });

  it('rejects a required word that is empty or a pattern, which would let everything through', () => {
    expect(() => assertDatabaseNameSays('stratum', '')).toThrow(TypeError);
    expect(() => assertDatabaseNameSays('stratum', '.*')).toThrow(TypeError);
  });

  it('reads the database from a URL, not from its host, user or query', () => {
    expect(databaseNameOf('postgresql://test@test-host:5432/my%20app?options=test')).toBe('my app');
    expect(() => guardedServerUrl('postgresql://test@test-host:5432/production', 'test')).toThrow(
      DatabaseNameRefusedError,
    );
    expect(guardedServerUrl('postgresql://u@h:5432/app_test', 'test').port).toBe('5432');
  });
});
