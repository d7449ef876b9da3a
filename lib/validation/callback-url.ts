/**
 * Where to go after signing in, consenting or registering: a page of this site, carried in a
 * `callbackUrl` query parameter from the page that asked for it (a room's link, for instance).
 */

/** Longer than any path of this site; a longer value is not one of its links. */
const MAX_LENGTH = 2048;
const BASE = "http://same-origin.invalid";

// Control characters and ASCII whitespace: browsers drop some of them before reading a URL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\\]/;

/** A path a browser reads as a path of the current site ("/x"), never as "//host" or "/\host". */
function isLocalPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !UNSAFE_CHARACTERS.test(value);
}

/**
 * `value` when it is a path on this site ("/lobby", "/rooms/K7M2QX?x=1"), resolved ("/a/../b"
 * is "/b"), else `fallback`. Refuses absolute and protocol-relative URLs ("https://…",
 * "//evil", "/\\evil"), paths whose dot segments resolve to one ("/..//evil"), whitespace and
 * control characters, so that a crafted link cannot send someone to another site.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/lobby"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !isLocalPath(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return isLocalPath(resolved) ? resolved : fallback;
}

/**
 * `path` with `destination` as its callbackUrl (left out when `destination` is not a path on
 * this site). Slashes stay readable: /signin?callbackUrl=/rooms/K7M2QX
 */
export function withCallbackUrl(path: string, destination: string | null | undefined): string {
  const safe = safeCallbackUrl(destination, "");
  if (!safe) return path;
  return `${path}?callbackUrl=${encodeURIComponent(safe).replace(/%2F/gi, "/")}`;
}
