import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { ApiClient, connected, emitAck } from "../support/client";
import { confirmRoles, eventually, fillAndStart, guest, ok } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
});
afterAll(async () => {
  await server?.stop();
});

const role = (name: string, brief = "A public brief.", privateBrief = "A private brief.") => ({ name, brief, privateBrief });
const round = (question: string, labels: string[]) => ({ question, options: labels.map((label) => ({ label, description: "" })) });
const game = (title = "Campus cameras") => ({
  locale: "en",
  title,
  summary: "Should the campus install face recognition?",
  opening: "The university wants cameras.\n\nStudents are split.",
  roles: [role("Dean"), role("Student"), role("Engineer")],
  rounds: [round("Install them?", ["Yes", "No"]), round("Keep footage how long?", ["1 day", "30 days", "1 year"])],
});

describe("custom games", () => {
  it("lets a facilitator write, edit, publish, duplicate and delete a game; players and other facilitators cannot", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const other = await userWithRole(server.url, "FACILITATOR", "otherfac");
    const player = await guest(server.url, "Plain");

    expect((await player.api.post("/api/custom-games", game())).status).toBe(403);
    expect((await new ApiClient(server.url).post("/api/custom-games", game())).status).toBe(401);

    const created = await fac.post("/api/custom-games", game());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const code = created.body.code as string;
    expect(code).toMatch(/^G[A-HJ-NP-Z2-9]{6}$/);
    expect(created.body).toMatchObject({ isPublished: false, revision: 1, locale: "en", content: { title: "Campus cameras" } });
    expect(created.body.content.roles[0].privateBrief).toBe("A private brief.");

    const bad = await fac.post("/api/custom-games", { ...game(), rounds: [round("Only one option?", ["A"])] });
    expect(bad.status).toBe(400);
    expect((await fac.post("/api/custom-games", { ...game(), roles: [role("A"), role("B")] })).status).toBe(400);

    const opened = await fac.put(`/api/custom-games/${code}/opening`, { title: "Campus cameras v2", opening: "New opening." });
    expect(opened.body.content).toMatchObject({ title: "Campus cameras v2", opening: "New opening." });
    const roles = await fac.put(`/api/custom-games/${code}/roles`, { roles: [role("Rector"), role("Student"), role("Engineer")] });
    expect(roles.body.content.roles[0].name).toBe("Rector");
    const dilemma = await fac.put(`/api/custom-games/${code}/dilemma`, { rounds: [round("Install?", ["Yes", "No", "Pilot first", "Ask students"])] });
    expect(dilemma.body.content.rounds).toHaveLength(1);
    expect(dilemma.body.revision).toBe(1); // no room used it yet: edited in place

    // Someone else's game is as good as missing.
    expect((await other.get(`/api/custom-games/${code}`)).status).toBe(404);
    expect((await other.put(`/api/custom-games/${code}/opening`, { title: "Hijack", opening: "x" })).status).toBe(404);
    expect((await player.api.put(`/api/custom-games/${code}/opening`, { title: "Hijack", opening: "x" })).status).toBe(403);

    // Not listed until published.
    const listed = async () => (await player.api.get("/api/scenarios?locale=en")).body.scenarios.map((s: { title: string }) => s.title);
    expect(await listed()).not.toContain("Campus cameras v2");
    expect((await fac.put(`/api/custom-games/${code}/publish`, { isPublished: true })).body.isPublished).toBe(true);
    expect(await listed()).toContain("Campus cameras v2");

    const copy = await fac.post(`/api/custom-games/${code}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.code).not.toBe(code);
    expect(copy.body.content.title).toBe("Campus cameras v2 (copy)");
    expect((await fac.get("/api/custom-games")).body.games.map((g: { code: string }) => g.code).sort()).toEqual([code, copy.body.code].sort());
    expect((await fac.delete(`/api/custom-games/${copy.body.code}`)).status).toBe(204);
    expect((await fac.get(`/api/custom-games/${copy.body.code}`)).status).toBe(404);
  });

  it("opens many rooms from a game; a played game keeps its revision when edited and cannot be deleted", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const code = (await fac.post("/api/custom-games", game("Class game"))).body.code;
    const rooms = await fac.post(`/api/custom-games/${code}/rooms`, { count: 3, titlePrefix: "Group" });
    expect(rooms.status, JSON.stringify(rooms.body)).toBe(201);
    expect(rooms.body.rooms.map((r: { title: string }) => r.title)).toEqual(["Group · 1", "Group · 2", "Group · 3"]);
    expect((await fac.post(`/api/custom-games/${code}/rooms`, { count: 51 })).status).toBe(400);

    const roomCode = rooms.body.rooms[0].code;
    const snap = (await fac.get(`/api/rooms/${roomCode}`)).body as RoomSnapshot;
    expect(snap.scenario.title).toBe("Class game");
    expect(snap.totalRounds).toBe(2);

    const edited = await fac.put(`/api/custom-games/${code}/opening`, { title: "Class game, revised", opening: "Changed." });
    expect(edited.body.revision).toBe(2);
    const after = (await fac.get(`/api/rooms/${roomCode}`)).body as RoomSnapshot;
    expect(after.scenario.title).toBe("Class game"); // the room keeps what it was opened with
    expect((await fac.delete(`/api/custom-games/${code}`)).status).toBe(409);
  });
});

describe("live monitor", () => {
  it("SECURITY 13 — streams the rooms a facilitator opened, and logs advance, release and end with who did them", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const otherFac = await userWithRole(server.url, "FACILITATOR", "nosy");
    const code = (await fac.post("/api/custom-games", game("Monitored"))).body.code;
    const roomCode = (await fac.post(`/api/custom-games/${code}/rooms`, { count: 1 })).body.rooms[0].code;

    const socket = fac.socket();
    await connected(socket);
    const updates: RoomSnapshot[] = [];
    socket.on("monitor:room", (s: RoomSnapshot) => updates.push(s));
    const initial = await emitAck(socket, "monitor:subscribe", {});
    expect(initial.ok).toBe(true);
    expect(initial.data.map((r: RoomSnapshot) => r.code)).toContain(roomCode);
    expect((await fac.get("/api/facilitator/rooms")).body.rooms.map((r: RoomSnapshot) => r.code)).toContain(roomCode);

    const nosy = otherFac.socket();
    await connected(nosy);
    const nosyUpdates: RoomSnapshot[] = [];
    nosy.on("monitor:room", (s: RoomSnapshot) => nosyUpdates.push(s));
    expect((await emitAck(nosy, "monitor:subscribe", {})).ok).toBe(true);

    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Mon${i}`)));
    await fillAndStart(roomCode, players);
    await confirmRoles(roomCode, players);
    await ok(players[0]!, `/api/rooms/${roomCode}/rounds/1/choice`, { choice: 0, confidence: 3 });
    await eventually(() => {
      const last = updates.filter((u) => u.code === roomCode).at(-1);
      expect(last?.phase).toBe("INDIVIDUAL");
      expect(last?.seats.map((s) => s.submitted)).toEqual([true, false, false]);
      expect(last?.phaseStartedAt).not.toBeNull();
    });
    expect(nosyUpdates.filter((u) => u.code === roomCode)).toHaveLength(0);

    // The other facilitator cannot act on it; the owner can.
    expect((await otherFac.post(`/api/rooms/${roomCode}/advance`, { reason: "meddling" })).status).toBe(404);
    expect((await players[0]!.api.post(`/api/rooms/${roomCode}/rounds/1/choice`, { choice: 1, confidence: 3 })).status).toBe(409);
    const advanced = await fac.post(`/api/rooms/${roomCode}/advance`, { reason: "stuck" });
    expect(advanced.status).toBe(200);
    expect(advanced.body.phase).toBe("DISCUSSION");
    const released = await fac.post(`/api/rooms/${roomCode}/seats/1/release`);
    expect(released.body.seats[1].userId).toBeNull();
    const ended = await fac.post(`/api/rooms/${roomCode}/advance`, { reason: "class over", end: true });
    expect(ended.body.phase).toBe("ABANDONED");

    const log = (await fac.get(`/api/facilitator/rooms/${roomCode}/log`)).body.entries as { phase: string; reason: string; actor: { id: string } | null }[];
    const byFac = log.filter((e) => e.actor?.id === fac.id).map((e) => e.reason);
    expect(byFac).toEqual(expect.arrayContaining(["advanced: stuck", "seat_released:1", "class over"]));
    expect((await otherFac.get(`/api/facilitator/rooms/${roomCode}/log`)).status).toBe(404);
    socket.disconnect();
    nosy.disconnect();
  });

  it("SECURITY 13 — is for facilitators only", async () => {
    const player = await guest(server.url, "NotFac", true);
    expect(await emitAck(player.socket!, "monitor:subscribe", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await player.api.get("/api/facilitator/rooms")).status).toBe(403);
    player.socket!.disconnect();
  });
});

describe("admin", () => {
  it("SECURITY 8 — lists users and grants roles; the old session stops working and only admins may do it", async () => {
    const admin = await signedInAdmin(server.url);
    const person = await userWithRole(server.url, "PLAYER", "person");
    const list = await admin.get(`/api/admin/users?q=${person.username}`);
    expect(list.status).toBe(200);
    expect(list.body.users.map((u: { id: string }) => u.id)).toEqual([person.id]);
    expect((await admin.get("/api/admin/users?role=ADMIN")).body.users.every((u: { role: string }) => u.role === "ADMIN")).toBe(true);
    expect((await admin.get("/api/admin/users?role=KING")).status).toBe(400);

    expect((await person.put(`/api/admin/users/${person.id}/role`, { role: "ADMIN" })).status).toBe(403);
    const granted = await admin.put(`/api/admin/users/${person.id}/role`, { role: "RESEARCHER" });
    expect(granted.body.role).toBe("RESEARCHER");
    expect((await person.get("/api/users/me")).status).toBe(401);
    const guestUser = await guest(server.url, "NoRoles");
    expect((await admin.put(`/api/admin/users/${guestUser.id}/role`, { role: "FACILITATOR" })).status).toBe(409);
    const me = (await admin.get("/api/users/me")).body;
    expect((await admin.put(`/api/admin/users/${me.id}/role`, { role: "PLAYER" })).status).toBe(409);
  });
});
