import type { MessageKey } from "@/lib/i18n/messages";
import type { Role } from "@/lib/validation/user";

export const ROLE_LABEL: Record<Role, MessageKey> = {
  PLAYER: "admin.role.PLAYER",
  FACILITATOR: "admin.role.FACILITATOR",
  RESEARCHER: "admin.role.RESEARCHER",
  ADMIN: "admin.role.ADMIN",
};

/**
 * Why the server refused a role change with 409, in the UI's words: a guest cannot hold a
 * role, and the last admin cannot stop being one. Null when neither explains it (the
 * server's own message is shown then).
 */
export function adminConflictKey(user: { isGuest: boolean; role: Role }): MessageKey | null {
  if (user.isGuest) return "admin.error.guest";
  if (user.role === "ADMIN") return "admin.error.lastAdmin";
  return null;
}
