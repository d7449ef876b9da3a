import type { Role } from "@/lib/validation/user";
import type { ListUsersQuery } from "@/lib/validation/admin";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { revokeSessions } from "./revoke-sessions";

export interface AdminUserView {
  id: string;
  username: string | null;
  nickname: string;
  role: Role;
  isGuest: boolean;
  participantCode: string;
  createdAt: string;
}

const toView = (u: { id: string; username: string | null; nickname: string; role: Role; isGuest: boolean; participantCode: string; createdAt: Date }): AdminUserView => ({
  id: u.id,
  username: u.username,
  nickname: u.nickname,
  role: u.role,
  isGuest: u.isGuest,
  participantCode: u.participantCode,
  createdAt: u.createdAt.toISOString(),
});

/** Users page by page (newest first), filtered by a search on username/nickname and by role. */
export async function listUsers(query: ListUsersQuery): Promise<{ users: AdminUserView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await db().user.findMany({
    where: {
      ...(query.role && { role: query.role }),
      ...(query.q && { OR: [{ username: { contains: query.q, mode: "insensitive" } }, { nickname: { contains: query.q, mode: "insensitive" } }, { participantCode: { equals: query.q.toUpperCase() } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(query.cursor && { cursor: { id: query.cursor }, skip: 1 }),
  });
  const page = rows.slice(0, limit);
  return { users: page.map(toView), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

/**
 * Grants a role (admins). The user's old sessions stop working and their sockets close, so the
 * new role applies at once. Refuses to remove the last admin, and roles for guests.
 */
export async function setUserRole(_admin: SessionUser, userId: string, role: Role): Promise<AdminUserView> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  if (user.isGuest && role !== "PLAYER") throw new AppError("CONFLICT", "Guests cannot hold roles: the person should register first.");
  if (user.role === "ADMIN" && role !== "ADMIN" && (await db().user.count({ where: { role: "ADMIN" } })) <= 1) {
    throw new AppError("CONFLICT", "This is the last admin: make someone else an admin first.");
  }
  if (user.role === role) return toView(user);
  const updated = await db().user.update({ where: { id: userId }, data: { role } });
  await revokeSessions(userId);
  return toView(updated);
}
