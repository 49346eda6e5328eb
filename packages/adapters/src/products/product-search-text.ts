/**
 * Turns whatever a user typed into text `websearch_to_tsquery` can take. That function never
 * raises a syntax error (unknown operators are read as words), so only two things need care:
 * PostgreSQL text cannot hold NUL characters, and the length of the query, which we bound.
 */

/**
 * Longer queries are cut at the last word that fits. websearch_to_tsquery copes with far more
 * (10 kB queries were tried), but every word becomes a term ANDed into the GIN scan, and no one
 * searches a catalogue with a thousand characters: the cap bounds the work one request can cause.
 */
export const MAX_SEARCH_TEXT_LENGTH = 1_000;

/** The text to search for, or null when nothing searchable is left. */
export function toSearchText(query: string): string | null {
  // A NUL becomes a space rather than vanishing, so it never glues two words into one.
  const text = query.replaceAll('\u0000', ' ').trim();
  if (text === '') return null;
  if (text.length <= MAX_SEARCH_TEXT_LENGTH) return text;
  const cut = text.slice(0, MAX_SEARCH_TEXT_LENGTH);
  if (/\s/.test(text.charAt(MAX_SEARCH_TEXT_LENGTH))) return cut.trimEnd();
  // Drop a word the cut went through: half a word would be ANDed in and match nothing.
  const lastBreak = cut.search(/\s\S*$/);
  return lastBreak > 0 ? cut.slice(0, lastBreak).trimEnd() : cut;
}
