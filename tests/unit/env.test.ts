import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/server/env";

// Next's types make NODE_ENV a required key of ProcessEnv; readEnv itself defaults it.
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("readEnv", () => {
  it("keeps dropped sockets recoverable for 30 s unless told otherwise, and 0 turns it off", () => {
    expect(readEnv(env({})).SOCKET_RECOVERY_SECONDS).toBe(30);
    expect(readEnv(env({ SOCKET_RECOVERY_SECONDS: "" })).SOCKET_RECOVERY_SECONDS).toBe(30);
    expect(readEnv(env({ SOCKET_RECOVERY_SECONDS: "0" })).SOCKET_RECOVERY_SECONDS).toBe(0);
    expect(readEnv(env({ SOCKET_RECOVERY_SECONDS: "120" })).SOCKET_RECOVERY_SECONDS).toBe(120);
  });

  it("refuses a recovery time that is not a whole number of seconds up to ten minutes, naming the variable", () => {
    for (const bad of ["-1", "601", "1.5", "soon"]) expect(() => readEnv(env({ SOCKET_RECOVERY_SECONDS: bad })), bad).toThrow(/SOCKET_RECOVERY_SECONDS/);
  });

  it("lets a socket send 40 events a second unless told otherwise, and refuses a limit that is not a positive whole number", () => {
    expect(readEnv(env({})).SOCKET_EVENTS_PER_SECOND).toBe(40);
    expect(readEnv(env({ SOCKET_EVENTS_PER_SECOND: "" })).SOCKET_EVENTS_PER_SECOND).toBe(40);
    expect(readEnv(env({ SOCKET_EVENTS_PER_SECOND: "5000" })).SOCKET_EVENTS_PER_SECOND).toBe(5000);
    for (const bad of ["0", "-3", "2.5", "many", "100001"]) expect(() => readEnv(env({ SOCKET_EVENTS_PER_SECOND: bad })), bad).toThrow(/SOCKET_EVENTS_PER_SECOND/);
  });

  it("lets one user hold 10 sockets unless told otherwise, and send twice a socket's events unless a per-user limit is set", () => {
    expect(readEnv(env({})).SOCKETS_PER_USER).toBe(10);
    expect(readEnv(env({ SOCKETS_PER_USER: "3" })).SOCKETS_PER_USER).toBe(3);
    for (const bad of ["0", "-1", "2.5", "lots"]) expect(() => readEnv(env({ SOCKETS_PER_USER: bad })), bad).toThrow(/SOCKETS_PER_USER/);
    expect(readEnv(env({})).SOCKET_USER_EVENTS_PER_SECOND).toBeUndefined();
    expect(readEnv(env({ SOCKET_USER_EVENTS_PER_SECOND: "" })).SOCKET_USER_EVENTS_PER_SECOND).toBeUndefined();
    expect(readEnv(env({ SOCKET_USER_EVENTS_PER_SECOND: "60" })).SOCKET_USER_EVENTS_PER_SECOND).toBe(60);
    for (const bad of ["0", "1.5", "fast"]) expect(() => readEnv(env({ SOCKET_USER_EVENTS_PER_SECOND: bad })), bad).toThrow(/SOCKET_USER_EVENTS_PER_SECOND/);
  });
});
