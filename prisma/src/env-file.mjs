// Reads the repository's `.env` (the copy of `.env.example` a developer keeps) into the
// environment, for every entry point: prisma.config.ts (so the Prisma CLI sees it), the API, the
// seeds and the root scripts. A variable the environment already has is left alone, so a shell
// export or a CI secret always wins over the file. Plain .mjs with no dependency (Node's own
// parser), because scripts/stratum.mjs reads it before it has installed anything.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

/** `<repository>/.env`, wherever the process runs from. */
export const DEFAULT_ENV_FILE = fileURLToPath(new URL('../../.env', import.meta.url));

/**
 * Loads `path` (default: STRATUM_ENV_FILE, else the repository's .env) into `env`, skipping
 * variables `env` already defines. A missing default file is fine; a missing STRATUM_ENV_FILE or
 * explicit path is an error, so a typo is not silently ignored. Returns the names it set.
 */
export function loadEnvFile({ env = process.env, path } = {}) {
  const explicit = path ?? env.STRATUM_ENV_FILE;
  const file = explicit || DEFAULT_ENV_FILE;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!explicit && error?.code === 'ENOENT') return [];
    throw new Error(`Cannot read the env file ${file}: ${error?.message ?? error}`);
  }
  const loaded = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}
