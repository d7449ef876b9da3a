import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's pages and route handlers as Next names them (`/api/rooms/[code]/join`): from the
 * production build the server runs (`app-path-routes-manifest.json` in `distDir`), or, in
 * development (no `distDir`) or without that file, from the `page` and `route` files under `app/`.
 */
export function appRoutes({ dir, distDir }: { dir: string; distDir?: string }): string[] {
  const manifest = distDir && path.join(dir, distDir, "app-path-routes-manifest.json");
  if (manifest && existsSync(manifest)) {
    const entries = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>;
    return [...new Set(Object.values(entries))].filter((r) => !r.startsWith("/_"));
  }
  return routesUnder(path.join(dir, "app"), "");
}

/** Folders holding a page or a route handler; `(group)` folders add no segment, `_private` and `@slot` folders are no route. */
function routesUnder(folder: string, route: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && /^(page|route)\.[jt]sx?$/.test(entry.name)) found.push(route || "/");
    if (!entry.isDirectory() || /^[_@.]/.test(entry.name)) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    found.push(...routesUnder(path.join(folder, entry.name), route + segment));
  }
  return [...new Set(found)];
}

interface Node {
  statics: Map<string, Node>;
  dynamic?: Node;
  /** A route ending in `[...name]` (one segment or more) or `[[...name]]` (none or more). */
  catchAll?: { label: string; optional: boolean };
  label?: string;
}

const node = (): Node => ({ statics: new Map() });

/** `[code]` → `:code`, `[...nextauth]` → `:nextauth*`. */
const labelOf = (route: string) => route.replace(/\[\[?\.\.\.(\w+)\]\]?/g, ":$1*").replace(/\[(\w+)\]/g, ":$1");

/**
 * A function naming the route a request path belongs to (`/api/rooms/K7M2QX/join` →
 * `/api/rooms/:code/join`) as Next matches it: a static segment before a dynamic one, a
 * catch-all last. Undefined for a path no route matches. Matches the raw (encoded) path.
 */
export function routeMatcher(routes: readonly string[]): (pathname: string) => string | undefined {
  const root = node();
  for (const route of routes) {
    let at: Node | undefined = root;
    for (const seg of route.split("/").filter(Boolean)) {
      const catchAll = /^\[(\[)?\.\.\.\w+\]\]?$/.exec(seg);
      if (catchAll) {
        at.catchAll = { label: labelOf(route), optional: !!catchAll[1] };
        at = undefined;
        break;
      }
      if (/^\[\w+\]$/.test(seg)) at = at.dynamic ??= node();
      else at = at.statics.get(seg) ?? (at.statics.set(seg, node()), at.statics.get(seg)!);
    }
    if (at) at.label ??= labelOf(route);
  }
  const match = (at: Node, segs: string[], i: number): string | undefined => {
    if (i === segs.length) return at.label ?? (at.catchAll?.optional ? at.catchAll.label : undefined);
    const viaStatic = at.statics.get(segs[i]!);
    return (viaStatic && match(viaStatic, segs, i + 1)) || (at.dynamic && match(at.dynamic, segs, i + 1)) || at.catchAll?.label;
  };
  return (pathname) => match(root, pathname.split("/").filter(Boolean), 0);
}
