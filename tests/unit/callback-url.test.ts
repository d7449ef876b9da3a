import { describe, expect, it } from "vitest";
import { destinationAfterSignIn } from "@/lib/client/auth";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/rooms/K7M2QX", "/rooms/K7M2QX"],
    ["/lobby", "/lobby"],
    ["/rooms/K7M2QX/rounds/2", "/rooms/K7M2QX/rounds/2"],
    ["/consent?callbackUrl=%2Frooms%2FK7M2QX", "/consent?callbackUrl=%2Frooms%2FK7M2QX"],
    ["/research/rooms?from=2026-01-01#top", "/research/rooms?from=2026-01-01#top"],
    ["/", "/"],
    // Dot segments are resolved; what is left is still a path here.
    ["/a/../lobby", "/lobby"],
    // Percent-encoded slashes stay encoded: a browser reads them as one path segment.
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
  ])("keeps the path on this site %j", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "//evil.com/rooms/K7M2QX",
    "https://evil.com",
    "https://evil.com/rooms/K7M2QX",
    "http:evil.com",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\\evil.com",
    "/\\/evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    // Dot segments that resolve to a protocol-relative URL.
    "/..//evil.com",
    "/.//evil.com",
    "/a/..//evil.com",
    "/%2e%2e//evil.com",
    "/%2E//evil.com",
    // Whitespace and control characters browsers strip before reading the URL.
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    " /lobby",
    "/lobby\u0000",
    "rooms/K7M2QX",
    "lobby",
    "",
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/lobby");
    expect(safeCallbackUrl(value, "/")).toBe("/");
  });

  it("refuses a path too long to be a link of this site", () => {
    expect(safeCallbackUrl(`/rooms/${"a".repeat(2100)}`)).toBe("/lobby");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackUrl(undefined)).toBe("/lobby");
    expect(safeCallbackUrl(null)).toBe("/lobby");
    expect(safeCallbackUrl(["/rooms/K7M2QX"] as unknown as string)).toBe("/lobby");
  });

  it("never answers something a browser would read as another site", () => {
    const tricky = ["/..//x", "/./\\x", "/%2e%2e/%2e%2e//x", "/a/b/../../..//x", "/.%2e//x", "/%09/x", "/\u3000/x"];
    for (const value of tricky) {
      const out = safeCallbackUrl(value);
      expect(new URL(out, "https://game.example.org").origin, `${value} → ${out}`).toBe("https://game.example.org");
      expect(out.startsWith("//") || out.includes("\\")).toBe(false);
    }
  });
});

describe("withCallbackUrl", () => {
  it("carries a destination on this site and keeps slashes readable", () => {
    expect(withCallbackUrl("/signin", "/rooms/K7M2QX")).toBe("/signin?callbackUrl=/rooms/K7M2QX");
    expect(withCallbackUrl("/consent", "/rooms/K7M2QX?x=1&y=2")).toBe("/consent?callbackUrl=/rooms/K7M2QX%3Fx%3D1%26y%3D2");
  });

  it("leaves out a destination that is not on this site", () => {
    expect(withCallbackUrl("/signin", "/lobby")).toBe("/signin?callbackUrl=/lobby");
    expect(withCallbackUrl("/signin", undefined)).toBe("/signin");
    expect(withCallbackUrl("/register", "//evil.com")).toBe("/register");
    expect(withCallbackUrl("/", "https://evil.com")).toBe("/");
  });

  it("round-trips through the query string", () => {
    for (const dest of ["/rooms/K7M2QX", "/research/rooms?from=2026-01-01&to=2026-02-01", "/consent?callbackUrl=/rooms/K7M2QX"]) {
      const href = withCallbackUrl("/signin", dest);
      const back = new URL(href, "https://game.example.org").searchParams.get("callbackUrl");
      expect(safeCallbackUrl(back)).toBe(dest);
    }
  });
});

describe("destinationAfterSignIn", () => {
  it("goes through the consent page first, keeping where the player was going", () => {
    expect(destinationAfterSignIn({ dataConsent: false })).toBe("/consent");
    expect(destinationAfterSignIn({ dataConsent: false }, "/rooms/K7M2QX")).toBe("/consent?callbackUrl=/rooms/K7M2QX");
    expect(destinationAfterSignIn({ dataConsent: false }, "/consent?callbackUrl=/rooms/K7M2QX")).toBe("/consent?callbackUrl=/rooms/K7M2QX");
  });

  it("goes straight on once consent was given, and never off this site", () => {
    expect(destinationAfterSignIn({ dataConsent: true })).toBe("/lobby");
    expect(destinationAfterSignIn({ dataConsent: true }, "/rooms/K7M2QX")).toBe("/rooms/K7M2QX");
    expect(destinationAfterSignIn({ dataConsent: true }, "//evil.com")).toBe("/lobby");
    expect(destinationAfterSignIn({ dataConsent: false }, "/..//evil.com")).toBe("/consent");
  });
});
