import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_ENV } from '@stratum/adapters';
import { ConfigError, DATABASE_ENV, envDefaults, type EnvSchema } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { API_ENV } from '../src/config/api-config';
import { createApiRuntime } from '../src/runtime/create-api-runtime';
import { apiDir } from './support/artifact';

const SCHEMAS: Record<string, EnvSchema> = { API_ENV, DATABASE_ENV, CACHE_ENV };

/** Read by tooling, not by the API's schemas: the launcher, migrations, the demo admin. */
const TOOLING = [
  'STRATUM_PG_PORT',
  'MIGRATION_DATABASE_URL',
  'MIGRATION_LOCK_TIMEOUT',
  'SHADOW_DATABASE_URL',
  'DEMO_ADMIN_EMAIL',
  'STRATUM_ENV_FILE',
];

/** `# VARIABLE=value` lines of .env.example, as variable → value. */
function envExample(): Map<string, string> {
  const text = readFileSync(join(apiDir, '../../.env.example'), 'utf8');
  return new Map([...text.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
}

describe('.env.example', () => {
  const example = envExample();

  it('lists every variable the schemas read', () => {
    const read = Object.values(SCHEMAS).flatMap((schema) => Object.keys(schema.shape));
    expect(read.filter((variable) => !example.has(variable))).toEqual([]);
  });

  it.each(Object.entries(SCHEMAS))('shows the defaults of %s', (_name, schema) => {
    const defaults = envDefaults(schema);
    const shown = Object.fromEntries(
      Object.keys(defaults).map((variable) => [variable, example.get(variable)]),
    );
    expect(shown).toEqual(defaults);
  });

  it('lists nothing that no schema or tool reads', () => {
    const known = new Set([
      ...Object.values(SCHEMAS).flatMap((schema) => Object.keys(schema.shape)),
      ...TOOLING,
    ]);
    expect([...example.keys()].filter((variable) => !known.has(variable))).toEqual([]);
  });
});

describe('starting with invalid settings', () => {
  it('names every invalid variable of every package at once', () => {
    let error: unknown;
    try {
      createApiRuntime({
        DATABASE_URL: 'mysql://db/app',
        DATABASE_POOL_MAX: '0',
        LOG_LEVEL: 'loud',
        PORT: '3000',
        CACHE_TTL_SECONDS: 'a minute',
        REDIS_URL: 'http://cache',
      });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.variable)).toEqual([
      'LOG_LEVEL',
      'DATABASE_URL',
      'DATABASE_POOL_MAX',
      'REDIS_URL',
      'CACHE_TTL_SECONDS',
    ]);
    expect((error as ConfigError).message).toContain('LOG_LEVEL: must be one of fatal, error, warn, info');
  });
});
