import type { Product } from '@stratum/domain';

/**
 * An approximation of PostgreSQL full-text search, good enough for tests: words are runs of
 * letters and digits, lower-cased; every query word must equal or be a prefix of some word of
 * the name or description. No stemming and no stop words, so a few queries match differently
 * from `websearch_to_tsquery('english', ...)`; contract tests only rely on what both share.
 */
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
const NAME_WEIGHT = 1;
const DESCRIPTION_WEIGHT = 0.4;

export function searchWords(text: string): string[] {
  return text.toLowerCase().match(WORD_PATTERN) ?? [];
}

/** The product's rank for the query words, or null when some query word matches nothing. */
export function rankProduct(product: Product, queryWords: readonly string[]): number | null {
  if (queryWords.length === 0) return null;
  const nameWords = searchWords(product.name);
  const descriptionWords = searchWords(product.description);
  let score = 0;
  for (const queryWord of queryWords) {
    const inName = nameWords.some((word) => word.startsWith(queryWord));
    const inDescription = descriptionWords.some((word) => word.startsWith(queryWord));
    if (!inName && !inDescription) return null;
    score += (inName ? NAME_WEIGHT : 0) + (inDescription ? DESCRIPTION_WEIGHT : 0);
  }
  return score / queryWords.length;
}
