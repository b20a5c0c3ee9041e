/**
 * Credentials out of text: a mirror or base URL may carry `user:token@`, and no message,
 * report or log line may repeat it.
 */

/**
 * Hides the user-info part of every URL in a text (`https://user:token@host/`). Up to the last
 * `@` of the URL, so a token with a `/` or `@` in it is hidden too.
 */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s'"<>@]*(?:@[^\s'"<>@/]*)*@/gi, '$1***@');
}

/** Hides what could be user-info in a value that may not even be a URL (`user:token@host`), for quoting it in an error. */
export function hideUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return redactCredentials(value);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/?/i.exec(value)?.[0] ?? '';
  return `${scheme}***${value.slice(at)}`;
}
