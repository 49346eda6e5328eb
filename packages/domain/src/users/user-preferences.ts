import { ValidationError } from '../shared/common.errors';

export type UserPreferences = Readonly<Record<string, unknown>>;

const MAX_PREFERENCES_BYTES = 16 * 1024;

/**
 * Preferences are stored as JSONB, so we normalise them through JSON here: whatever the fake
 * keeps is exactly what PostgreSQL would give back (no undefined, no Dates, no functions), and
 * the frozen copy cannot be changed behind the entity's back.
 */
export function normalizePreferences(value: unknown): UserPreferences {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('preferences', 'must be a JSON object');
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    throw new ValidationError('preferences', 'must be serialisable as JSON');
  }
  if (Buffer.byteLength(json, 'utf8') > MAX_PREFERENCES_BYTES) {
    throw new ValidationError('preferences', `must be at most ${MAX_PREFERENCES_BYTES} bytes as JSON`);
  }
  // JSONB rejects the NUL character, so refuse it here rather than in the adapter.
  if (json.includes('\\u0000')) throw new ValidationError('preferences', 'must not contain NUL characters');
  return deepFreeze(JSON.parse(json) as Record<string, unknown>);
}

/**
 * Preferences as the driver parsed them from our jsonb column: JSON already, and written only
 * through normalizePreferences, so only the shape is checked (the column does not say "object")
 * before the fresh object is frozen in place.
 */
export function freezeStoredPreferences(value: unknown): UserPreferences {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('preferences', 'must be a JSON object');
  }
  return deepFreeze(value as Record<string, unknown>);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
