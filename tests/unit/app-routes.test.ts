import path from "node:path";
import { describe, expect, it } from "vitest";
import { appRoutes, routeMatcher } from "@/lib/server/http/app-routes";
import { routeLabeler } from "@/lib/server/metrics";

const ROUTES = ["/", "/lobby", "/rooms/[code]", "/rooms/[code]/rounds/[n]", "/api/users/me", "/api/users/me/consent", "/api/users/[id]/stats", "/api/auth/[...nextauth]", "/docs/[[...slug]]", "/facilitator/games/new", "/facilitator/games/[code]"];

describe("routeMatcher", () => {
  const match = routeMatcher(ROUTES);
  it.each([
    ["/", "/"],
    ["/lobby", "/lobby"],
    ["/lobby/", "/lobby"],
    ["/rooms/K7M2QX", "/rooms/:code"],
    ["/rooms/%ZZ", "/rooms/:code"],
    ["/rooms/anything-at-all/rounds/99", "/rooms/:code/rounds/:n"],
    ["/api/users/me", "/api/users/me"],
    ["/api/users/me/consent", "/api/users/me/consent"],
    ["/api/users/me/stats", "/api/users/:id/stats"],
    ["/api/auth/callback/guest", "/api/auth/:nextauth*"],
    ["/docs", "/docs/:slug*"],
    ["/docs/a/b", "/docs/:slug*"],
    ["/facilitator/games/new", "/facilitator/games/new"],
    ["/facilitator/games/G234567", "/facilitator/games/:code"],
  ])("%s → %s", (pathname, label) => {
    expect(match(pathname)).toBe(label);
  });

  it.each(["/nope", "/rooms", "/rooms/K7M2QX/nope", "/api/auth", "/api/users/me/consent/x", "/wp-admin/x.php"])("%s matches no route", (pathname) => {
    expect(match(pathname)).toBeUndefined();
  });

  it("labels assets and unmatched paths with one value each", () => {
    const label = routeLabeler(ROUTES);
    expect(label("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(label("/x1")).toBe("unmatched");
    expect(label("/x2/y")).toBe("unmatched");
  });
});

describe("appRoutes", () => {
  it("finds pages and route handlers under app/ without a build, (groups) and _private folders aside", () => {
    const routes = appRoutes({ dir: path.resolve(__dirname, "..", "..") });
    expect(routes).toEqual(expect.arrayContaining(["/", "/lobby", "/rooms/[code]", "/api/rooms/[code]/rounds/[n]/choice", "/api/auth/[...nextauth]", "/health", "/metrics"]));
    expect(routes.some((r) => r.includes("_components"))).toBe(false);
  });
});
