import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playRoom } from "@/lib/bots/bot";
import { ADMIN_ENV, userWithRole } from "../support/accounts";
import { eventually } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ...ADMIN_ENV, BOT_THINK_MS: "20-60" } });
});
afterAll(async () => {
  await server?.stop();
});

describe("bots", () => {
  it("play whole games through the public API, also when one drops its connection or sends nonsense", async () => {
    const statuses: number[] = [];
    const results = await playRoom({ baseUrl: server.url, prefix: "T", think: [10, 40], misbehaviours: ["drop", "invalid", "none"], onCommand: ({ status }) => statuses.push(status) });
    expect(results.map((r) => r.phase)).toEqual(["FINISHED", "FINISHED", "FINISHED"]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results[1]!.commandsRefused).toBeGreaterThanOrEqual(0);
  });

  it("replace a bot that leaves for good with a newcomer, and the game still ends", async () => {
    const results = await playRoom({ baseUrl: server.url, prefix: "L", think: [10, 40], misbehaviours: ["leave", "none", "none"] });
    expect(results).toHaveLength(4);
    expect(results.filter((r) => r.phase === "FINISHED")).toHaveLength(3);
  });

  it("fill a waiting room's empty seats for a facilitator, and play it to the end", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const room = await fac.post("/api/rooms", { visibility: "private" });
    const added = await fac.post(`/api/facilitator/rooms/${room.body.code}/bots`);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.added).toHaveLength(3);
    await eventually(async () => expect((await fac.get(`/api/rooms/${room.body.code}`)).body.phase).toBe("FINISHED"), 180_000, 1000);
    expect((await fac.post(`/api/facilitator/rooms/${room.body.code}/bots`)).status).toBe(409);
    const player = await userWithRole(server.url, "PLAYER");
    expect((await player.post(`/api/facilitator/rooms/${room.body.code}/bots`)).status).toBe(403);
  });
});
