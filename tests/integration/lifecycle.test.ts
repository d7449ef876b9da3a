import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueName } from "../support/client";
import { REPO_ROOT, startTestServer, tempDataDir, type TestServer } from "../support/server";

const servers: TestServer[] = [];
const start = async (...args: Parameters<typeof startTestServer>) => {
  const s = await startTestServer(...args);
  servers.push(s);
  return s;
};
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

describe("server lifecycle", () => {
  it("SECURITY 1 — reports health, loads the scenario library, stops cleanly on SIGTERM and keeps everything across a restart", async () => {
    const first = await start();
    const health = await new ApiClient(first.url).get("/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", db: "up", dbKind: process.env.TEST_DATABASE_URL ? "postgres" : "pglite", uptime: expect.any(Number), connections: 0 });

    const c = new ApiClient(first.url);
    const username = uniqueName("keeper");
    await c.register(username, "password123");
    expect(await c.signIn(username, "password123")).toBe(true);
    const scenarios = await c.get("/api/scenarios");
    expect(scenarios.status).toBe(200);
    const list = scenarios.body.scenarios as { slug: string; locale: string; rounds: number; roles: string[] }[];
    const slugs = new Set(list.map((s) => s.slug));
    expect(slugs.size).toBeGreaterThanOrEqual(5);
    for (const slug of slugs) {
      for (const locale of ["ko", "en"]) {
        const s = list.find((x) => x.slug === slug && x.locale === locale);
        expect(s, `${slug}/${locale}`).toBeDefined();
        expect(s!.rounds).toBe(5);
        expect(s!.roles).toHaveLength(3);
      }
    }
    const ko = await c.get("/api/scenarios?locale=ko");
    expect(ko.body.scenarios.every((s: { locale: string }) => s.locale === "ko")).toBe(true);
    const one = await c.get(`/api/scenarios/${ko.body.scenarios[0].id}`);
    expect(one.body.rounds).toHaveLength(5);
    expect(one.body.roles[0].privateBrief).toBeUndefined();
    expect((await c.get("/api/scenarios/not-a-uuid")).status).toBe(400);
    expect((await c.get("/api/scenarios/00000000-0000-4000-8000-000000000000")).status).toBe(404);

    // The generated secret is kept private in the data directory.
    const secretFile = path.join(first.dataDir, "nextauth-secret");
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);

    expect(await first.stop("SIGTERM")).toBe(0);
    expect(first.output()).toMatch(/> Stopped/);

    const second = await start({ dataDir: first.dataDir, databaseUrl: first.databaseUrl });
    const again = new ApiClient(second.url);
    for (const [k, v] of c.jar) again.jar.set(k, v);
    // Same secret, same database: the old cookie still works and the user is still there.
    expect((await again.get("/api/users/me")).body.username).toBe(username);
    const relisted = await again.get("/api/scenarios");
    expect(relisted.body.scenarios).toHaveLength(list.length);
    expect(await second.stop("SIGINT")).toBe(0);
  });

  it("runs the same way through `npm start`'s script, which passes SIGTERM on", async () => {
    const s = await start({ viaStartScript: true });
    const health = await new ApiClient(s.url).get("/health");
    expect(health.body).toMatchObject({ status: "ok", db: "up" });
    expect(await s.stop("SIGTERM")).toBe(0);
    expect(s.output()).toMatch(/> Stopped/);
  });

  it("SECURITY 1 — refuses to start with a NEXTAUTH_SECRET shorter than 32 characters", async () => {
    const s = await start({ env: { NEXTAUTH_SECRET: "too-short" }, expectExit: true });
    expect(s.process.exitCode).not.toBe(0);
    expect(s.output()).toMatch(/NEXTAUTH_SECRET must be at least 32 characters/);
  });

  it("SECURITY 41 — creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD, once", async () => {
    const dataDir = tempDataDir();
    const env = { ADMIN_USERNAME: "rootadmin", ADMIN_PASSWORD: "a-long-admin-password" };
    const s = await start({ dataDir, env });
    const c = new ApiClient(s.url);
    expect(await c.signIn("rootadmin", "a-long-admin-password")).toBe(true);
    expect((await c.get("/api/users/me")).body.role).toBe("ADMIN");
    expect(await s.stop()).toBe(0);
    const again = await start({ dataDir, env, databaseUrl: s.databaseUrl });
    expect(again.output()).not.toMatch(/admin account ready/);
    await again.stop();
  });

  it("SECURITY 41 — makes an admin with `npm run create-admin` (no default credentials exist)", async () => {
    const dataDir = tempDataDir();
    const first = await start({ dataDir });
    const c = new ApiClient(first.url);
    expect(await c.signIn("admin", "admin")).toBe(false);
    expect(await first.stop()).toBe(0);
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: first.databaseUrl ?? "", ADMIN_PASSWORD: "another-long-password", LOG_LEVEL: "warn" };
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", "chief"], { cwd: REPO_ROOT, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("created admin chief");
    const second = await start({ dataDir, databaseUrl: first.databaseUrl });
    const admin = new ApiClient(second.url);
    expect(await admin.signIn("chief", "another-long-password")).toBe(true);
    expect((await admin.get("/api/users/me")).body.role).toBe("ADMIN");
    await second.stop();
  });
});
