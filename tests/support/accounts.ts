import { expect } from "vitest";
import { ApiClient, uniqueName } from "./client";

export const ADMIN = { username: "testadmin", password: "test-admin-password" };
/** Env for startTestServer that creates the ADMIN account at start. */
export const ADMIN_ENV = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password };

export async function signedInAdmin(baseUrl: string): Promise<ApiClient> {
  const c = new ApiClient(baseUrl);
  expect(await c.signIn(ADMIN.username, ADMIN.password)).toBe(true);
  return c;
}

/** A registered user holding `role` (granted by the admin), signed in after the grant. */
export async function userWithRole(baseUrl: string, role: "PLAYER" | "FACILITATOR" | "RESEARCHER" | "ADMIN", prefix = role.toLowerCase()): Promise<ApiClient & { id: string; username: string }> {
  const username = uniqueName(prefix);
  const c = new ApiClient(baseUrl);
  const reg = await c.register(username, "password-123");
  expect(reg.status).toBe(201);
  if (role !== "PLAYER") {
    const admin = await signedInAdmin(baseUrl);
    const r = await admin.put(`/api/admin/users/${reg.body.id}/role`, { role });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  expect(await c.signIn(username, "password-123")).toBe(true);
  return Object.assign(c, { id: reg.body.id as string, username });
}
