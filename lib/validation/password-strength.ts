// How guessable a new password is, by zxcvbn-ts (a maintained TypeScript port of Dropbox's
// zxcvbn): it matches the password against ~30,000 common passwords and diceware words plus
// keyboard patterns, sequences, repeats and dates, and estimates the guesses an attacker needs.
// A list alone misses "password1234" variants; zxcvbn scores them. Pure, so a form may use it
// too; built on first use, since loading its dictionaries takes a moment.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** zxcvbn's 0-4 scale: 2 is "somewhat guessable" (about 10⁸ guesses), the least we accept. */
export const MIN_PASSWORD_SCORE = 2;

let zxcvbn: ZxcvbnFactory | undefined;

export function passwordScore(password: string): number {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return zxcvbn.check(password).score;
}

export const isGuessablePassword = (password: string) => passwordScore(password) < MIN_PASSWORD_SCORE;
