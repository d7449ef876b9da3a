import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api";
import { isNetworkError, newOpId, PendingOps } from "@/lib/client/room-api";
import { opIdSchema } from "@/lib/validation/room";

function counter() {
  let n = 0;
  return () => `op-${++n}`;
}

describe("newOpId", () => {
  it("makes ids the server accepts, all different", () => {
    const ids = new Set(Array.from({ length: 50 }, newOpId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(opIdSchema.safeParse(id).success).toBe(true);
  });
});

describe("isNetworkError", () => {
  it("tells a missing answer from an error answer", () => {
    expect(isNetworkError(new TypeError("Failed to fetch"))).toBe(true);
    expect(isNetworkError(new ApiError(409, "WRONG_PHASE", "x"))).toBe(false);
    expect(isNetworkError(new DOMException("aborted", "AbortError"))).toBe(false);
    // A socket move whose ack never came may or may not have been applied: retry it (same opId).
    expect(isNetworkError(new ApiError(0, "TIMEOUT", "No answer from the server."))).toBe(true);
    expect(isNetworkError(new ApiError(409, "ALREADY_SUBMITTED", "x"))).toBe(false);
  });
});

describe("PendingOps", () => {
  it("reuses the id of an action until it is answered", () => {
    const ops = new PendingOps(counter());
    expect(ops.idFor("choice:1")).toBe("op-1");
    expect(ops.idFor("choice:1")).toBe("op-1");
    expect(ops.idFor("choice:2")).toBe("op-2");
    ops.settle("choice:1");
    expect(ops.idFor("choice:1")).toBe("op-3");
  });

  it("retries a network failure with the same id, then settles on success", async () => {
    const ops = new PendingOps(counter());
    const seen: string[] = [];
    const result = await ops.run(
      "k",
      async (opId) => {
        seen.push(opId);
        if (seen.length < 3) throw new TypeError("Failed to fetch");
        return "done";
      },
      { retries: 2, delayMs: 1 },
    );
    expect(result).toBe("done");
    expect(seen).toEqual(["op-1", "op-1", "op-1"]);
    expect(ops.has("k")).toBe(false);
  });

  it("keeps the id after the last network failure, for a manual retry", async () => {
    const ops = new PendingOps(counter());
    await expect(ops.run("k", () => Promise.reject(new TypeError("offline")), { retries: 1, delayMs: 1 })).rejects.toThrow("offline");
    expect(ops.has("k")).toBe(true);
    const seen: string[] = [];
    await ops.run("k", async (opId) => void seen.push(opId));
    expect(seen).toEqual(["op-1"]);
  });

  it("does not retry an error answer, and the next try is a new operation", async () => {
    const ops = new PendingOps(counter());
    let calls = 0;
    await expect(
      ops.run("k", () => {
        calls++;
        return Promise.reject(new ApiError(409, "ALREADY_SUBMITTED", "x"));
      }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);
    expect(ops.has("k")).toBe(false);
    expect(ops.idFor("k")).toBe("op-2");
  });
});
