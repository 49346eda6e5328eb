/** A comma-separated list as an array: word lists stay readable blocks of text, not a line a word. */
export function words(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}
