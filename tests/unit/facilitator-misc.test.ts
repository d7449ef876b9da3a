import { describe, expect, it } from "vitest";
import { adminConflictKey, ROLE_LABEL } from "@/app/admin/_components/admin-logic";
import { facilitatorErrorKey } from "@/components/facilitator/errors";
import { minutesToSeconds, settingsFromMinutes } from "@/components/facilitator/open-rooms-logic";
import { hasAnyRole } from "@/components/facilitator/role-gate";
import { areasFor } from "@/components/site-header";
import { ApiError } from "@/lib/client/api";
import { usersQuery } from "@/lib/client/facilitator-api";
import { messages } from "@/lib/i18n/messages";
import { openRoomsSchema } from "@/lib/validation/custom-game";
import { ROLES } from "@/lib/validation/user";

describe("open rooms form", () => {
  it.each<[string, number | null]>([
    ["5", 300],
    ["1.5", 90],
    ["0,5", 30],
    [" ", null],
    ["", null],
  ])("%j minutes → %s seconds", (text, seconds) => {
    expect(minutesToSeconds(text)).toBe(seconds);
  });

  it("leaves blank timers out and lets the shared schema reject bad ones", () => {
    expect(settingsFromMinutes({ discussionSeconds: "10", revealSeconds: "" })).toEqual({ discussionSeconds: 600 });
    const bad = settingsFromMinutes({ individualSeconds: "abc" });
    expect(Number.isNaN(bad.individualSeconds)).toBe(true);
    expect(openRoomsSchema.safeParse({ count: 3, settings: bad }).success).toBe(false);
    expect(openRoomsSchema.safeParse({ count: 3, settings: settingsFromMinutes({ individualSeconds: "0.01" }) }).success).toBe(false);
    expect(openRoomsSchema.safeParse({ count: 51 }).success).toBe(false);
    expect(openRoomsSchema.safeParse({ count: 10, visibility: "private", settings: { discussionSeconds: 600, roleAssignment: "random" } }).success).toBe(true);
  });
});

describe("roles and areas", () => {
  it("lets admins into every area and others into their own", () => {
    expect(hasAnyRole("ADMIN", ["FACILITATOR"])).toBe(true);
    expect(hasAnyRole("FACILITATOR", ["FACILITATOR"])).toBe(true);
    expect(hasAnyRole("RESEARCHER", ["FACILITATOR"])).toBe(false);
    expect(hasAnyRole("PLAYER", ["ADMIN"])).toBe(false);
  });

  it.each([
    [null, []],
    ["PLAYER", []],
    ["FACILITATOR", ["/facilitator"]],
    ["RESEARCHER", ["/research"]],
    ["ADMIN", ["/facilitator", "/research", "/admin"]],
  ] as const)("header links for %s", (role, hrefs) => {
    expect(areasFor(role).map((a) => a.href)).toEqual(hrefs);
  });

  it("explains a refused role change", () => {
    expect(adminConflictKey({ isGuest: true, role: "PLAYER" })).toBe("admin.error.guest");
    expect(adminConflictKey({ isGuest: false, role: "ADMIN" })).toBe("admin.error.lastAdmin");
    expect(adminConflictKey({ isGuest: false, role: "PLAYER" })).toBeNull();
    for (const r of ROLES) expect(messages.ko[ROLE_LABEL[r]]).toBeTruthy();
  });
});

describe("API helpers", () => {
  it("builds the admin list query without empty values", () => {
    expect(usersQuery({})).toBe("");
    expect(usersQuery({ q: "  ada ", role: "FACILITATOR", limit: 25 })).toBe("?q=ada&role=FACILITATOR&limit=25");
    expect(usersQuery({ q: " ", cursor: "c1" })).toBe("?cursor=c1");
  });

  it.each([
    [new ApiError(404, "NOT_FOUND", "x"), "facilitator.error.NOT_FOUND"],
    [new ApiError(409, "CONFLICT", "x"), "facilitator.error.CONFLICT"],
    [new ApiError(503, "AI_DISABLED", "x"), "facilitator.error.AI_DISABLED"],
    [new ApiError(500, "SOMETHING", "x"), "facilitator.error.server"],
    [new ApiError(418, "TEAPOT", "x"), "facilitator.error.unknown"],
    [new TypeError("fetch failed"), "facilitator.error.network"],
  ])("error %o → %s", (error, key) => {
    expect(facilitatorErrorKey(error)).toBe(key);
  });
});
