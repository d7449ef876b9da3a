import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/server/env";

describe("readEnv", () => {
  it("keeps dropped sockets recoverable for 30 s unless told otherwise, and 0 turns it off", () => {
    expect(readEnv({}).SOCKET_RECOVERY_SECONDS).toBe(30);
    expect(readEnv({ SOCKET_RECOVERY_SECONDS: "" }).SOCKET_RECOVERY_SECONDS).toBe(30);
    expect(readEnv({ SOCKET_RECOVERY_SECONDS: "0" }).SOCKET_RECOVERY_SECONDS).toBe(0);
    expect(readEnv({ SOCKET_RECOVERY_SECONDS: "120" }).SOCKET_RECOVERY_SECONDS).toBe(120);
  });

  it("refuses a recovery time that is not a whole number of seconds up to ten minutes, naming the variable", () => {
    for (const bad of ["-1", "601", "1.5", "soon"]) expect(() => readEnv({ SOCKET_RECOVERY_SECONDS: bad }), bad).toThrow(/SOCKET_RECOVERY_SECONDS/);
  });
});
