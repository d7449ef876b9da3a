import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { recordingPath, removeRecordingFiles } from "@/lib/server/storage/recordings";

const saved = process.env.DATA_DIR;
afterEach(() => {
  process.env.DATA_DIR = saved;
});

describe("recording files", () => {
  it("stay inside <DATA_DIR>/recordings", () => {
    const dir = "/data/recordings";
    expect(recordingPath("room/abc.webm", dir)).toBe("/data/recordings/room/abc.webm");
    expect(recordingPath("../secret", dir)).toBeNull();
    expect(recordingPath("room/../../x", dir)).toBeNull();
    expect(recordingPath("/etc/passwd", dir)).toBeNull();
    expect(recordingPath("", dir)).toBeNull();
  });

  it("are removed when present, a missing one is fine, and nothing outside is touched", async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), "aedg-rec-"));
    process.env.DATA_DIR = data;
    mkdirSync(path.join(data, "recordings", "r1"), { recursive: true });
    writeFileSync(path.join(data, "recordings", "r1", "a.webm"), "x");
    writeFileSync(path.join(data, "outside.txt"), "keep");
    expect(await removeRecordingFiles(["r1/a.webm", "r1/missing.webm", "../outside.txt"])).toBe(2);
    expect(existsSync(path.join(data, "recordings", "r1", "a.webm"))).toBe(false);
    expect(existsSync(path.join(data, "outside.txt"))).toBe(true);
  });
});
