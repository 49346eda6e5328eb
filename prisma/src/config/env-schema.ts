/**
 * Reading settings from the environment, the same way in every package: one zod schema per package
 * names each variable with its default, values are trimmed and a blank one counts as unset, and
 * every invalid variable is reported at once (a deploy fixes them in one go, not one per restart).
 * The schemas' defaults are the ones `.env.example` shows; a test holds the two together.
 */
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Invalid settings, every one of them: one line each, `VARIABLE: what is wrong`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];
  /** The first invalid variable. */
  readonly variable: string;

  constructor(variableOrIssues: string | readonly ConfigIssue[], message = '') {
    const issues =
      typeof variableOrIssues === 'string' ? [{ variable: variableOrIssues, message }] : variableOrIssues;
    super(issues.map((issue) => `${issue.variable}: ${issue.message}`).join('\n'));
    this.issues = issues;
    this.variable = issues[0]?.variable ?? '';
  }
}

/** A schema of environment variables: each key a variable, each value one of the builders below. */
export type EnvSchema = z.ZodObject<Record<string, z.ZodType>>;

/** Parses `env` against `schema`, or throws a ConfigError naming every invalid variable. */
export function parseEnv<S extends EnvSchema>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(cleaned(env, Object.keys(schema.shape)));
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
  );
}

/**
 * Runs several readers and reports all their ConfigErrors as one, so a process that reads the
 * settings of three packages lists every invalid variable of all three.
 */
export function readAll<T extends readonly unknown[]>(readers: { [K in keyof T]: () => T[K] }): T {
  const issues: ConfigIssue[] = [];
  const values = readers.map((read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return values as unknown as T;
}

/** Each variable's default as `.env.example` writes it; variables without one are left out. */
export function envDefaults(schema: EnvSchema): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [variable, field] of Object.entries(schema.shape)) {
    if (field instanceof z.ZodDefault) defaults[variable] = String(field.def.defaultValue);
  }
  return defaults;
}

function cleaned(env: Env, variables: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of variables) {
    const value = env[variable]?.trim();
    if (value) values[variable] = value;
  }
  return values;
}

const text = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be text') });

/** A whole number of at least `min` (1 unless given). */
export function envInteger(min = 1) {
  return text().transform((raw, ctx) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of at least ${min}, got "${raw}"` });
      return z.NEVER;
    }
    return value;
  });
}

/** true/false, or 1/0. */
export function envBoolean() {
  return text().transform((raw, ctx) => {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false, got "${raw}"` });
    return z.NEVER;
  });
}

export function envOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return text().refine((raw): raw is T[number] => values.includes(raw), {
    error: (issue) => `must be one of ${values.join(', ')}, got "${String(issue.input)}"`,
  });
}

/** Free text. */
export function envText() {
  return text();
}

/** A URL with one of the given schemes, e.g. ['postgresql', 'postgres']. */
export function envUrl(schemes: readonly string[]) {
  return text().refine((raw) => schemes.some((scheme) => raw.startsWith(`${scheme}://`)), {
    error: `must be a ${schemes[0]}:// URL`,
  });
}
