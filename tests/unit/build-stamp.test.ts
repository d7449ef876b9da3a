import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script, without type declarations
import { buildState, exitCodeOf, sourceHash, STAMP_FILE } from "../../scripts/build.mjs";

/** A tiny project: sources, and a build of them in `.next` stamped with `stamp`. */
function project(stamp?: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "aedg-stamp-"));
  for (const [file, text] of [
    ["app/page.tsx", "export default function Page() {}\n"],
    ["lib/domain/game.ts", "export const x = 1;\n"],
    ["components/ui/button.tsx", "export {};\n"],
    ["next.config.mjs", "export default {};\n"],
    ["package-lock.json", "{}\n"],
  ] as const) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, ".next"));
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "b1\n");
  if (stamp !== undefined) writeFileSync(path.join(root, ".next", STAMP_FILE), JSON.stringify({ sources: stamp }));
  return root;
}

describe("npm start's build check (scripts/build.mjs)", () => {
  it("tells a missing build, an unstamped one, a stale one and a current one apart", () => {
    const root = project();
    expect(buildState(root, ".next-none")).toBe("missing");
    expect(buildState(root, ".next")).toBe("stale");
    writeFileSync(path.join(root, ".next", STAMP_FILE), JSON.stringify({ sources: sourceHash(root) }));
    expect(buildState(root, ".next")).toBe("current");
  });

  it("sees a change to any source, a new file and a removed one, but not tests, docs or dot-files", () => {
    const root = project();
    const stamp = () => writeFileSync(path.join(root, ".next", STAMP_FILE), JSON.stringify({ sources: sourceHash(root) }));
    stamp();
    writeFileSync(path.join(root, "tests.md"), "notes\n");
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "docs", "x.md"), "x\n");
    writeFileSync(path.join(root, "app", ".DS_Store"), "junk");
    expect(buildState(root, ".next")).toBe("current");
    for (const change of [
      () => writeFileSync(path.join(root, "lib/domain/game.ts"), "export const x = 2;\n"),
      () => writeFileSync(path.join(root, "components/ui/new.tsx"), "export {};\n"),
      () => writeFileSync(path.join(root, "package-lock.json"), '{"v":2}\n'),
      () => writeFileSync(path.join(root, "next.config.mjs"), "export default { a: 1 };\n"),
    ]) {
      change();
      expect(buildState(root, ".next")).toBe("stale");
      stamp();
    }
  });

  it("gives the exit code a shell would", () => {
    expect(exitCodeOf({ code: 0, signal: null })).toBe(0);
    expect(exitCodeOf({ code: 3, signal: null })).toBe(3);
    expect(exitCodeOf({ code: null, signal: "SIGTERM" })).toBe(143);
    expect(exitCodeOf({ code: null, signal: "SIGINT" })).toBe(130);
  });
});
