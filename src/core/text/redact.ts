/**
 * Credentials out of text: a mirror or base URL may carry `user:token@`, and no message,
 * report or log line may repeat it.
 */

/**
 * Hides the user-info part of every URL in a text (`https://user:token@host/`): a user alone
 * ends where the authority ends, as a URL parser reads it, so an `@` in a path or query
 * (`/@scope/x.yaml`) is left alone; a token after `user:` is taken up to the last `@` before
 * a query, so one written with a raw `/` or `@` is hidden too.
 */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)(?:[^\s'"<>/?#@:]*:[^\s'"<>?#]*|[^\s'"<>/?#@:]*)@/gi, '$1***@');
}

/** Hides what could be user-info in a value that may not even be a URL (`user:token@host`), for quoting it in an error. */
export function hideUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return redactCredentials(value);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/?/i.exec(value)?.[0] ?? '';
  return `${scheme}***${value.slice(at)}`;
}
