import { isObviouslyGuessablePassword } from '@pairboard/contracts';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

let configured = false;

/** zxcvbn's estimate below this is a password found within ~10^6 guesses: the common lists, repeats, sequences, keyboard walks. */
const MIN_SCORE = 2;
/**
 * zxcvbn's matching grows faster than linearly (up to ~250 ms for 32 symbol-heavy characters with
 * its default l33t search, ~90 ms with the cap below); no common-list password is longer anyway.
 */
const CHECKED_LENGTH = 32;

/**
 * The API's check for new passwords (installed into the contracts' schema at start): the short
 * list the browser knows, then zxcvbn with its common-password list (~49,000) and keyboard graphs.
 * The dictionaries load on first use, not at boot.
 */
export function isGuessablePassword(password: string): boolean {
  if (isObviouslyGuessablePassword(password)) return true;
  if (!configured) {
    zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs, l33tMaxSubstitutions: 32 });
    configured = true;
  }
  return zxcvbn(password.slice(0, CHECKED_LENGTH)).score < MIN_SCORE;
}
