import { randomBytes, randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Random building blocks for test data. Words are letters only, so every full-text engine
 * tokenises them as one word, and long enough never to be a stop word or collide.
 */
export const RandomMother = {
  word(length = 12): string {
    let word = '';
    for (let i = 0; i < length; i++) word += LETTERS[randomInt(LETTERS.length)];
    return word;
  },

  token(bytes = 6): string {
    return randomBytes(bytes).toString('hex');
  },

  integer(min: number, max: number): number {
    return randomInt(min, max + 1);
  },
};
