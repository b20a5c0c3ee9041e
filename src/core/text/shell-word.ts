/**
 * Commands the tool prints for a person to paste (the fix command, `git -C DIR apply`, git's
 * `safe.directory` hint) quote every word that holds more than plain characters.
 */

/** A value as one POSIX shell word: as it is when plain, else single-quoted with its own quotes escaped. */
export function quoteShellWord(value: string): string {
  return /^[\w./:@=+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
