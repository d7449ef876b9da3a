import type { NextRequest } from "next/server";
import type { Role } from "@/lib/validation/user";
import { getSessionUser, type SessionUser } from "../auth/session";
import { AppError } from "../errors";
import { asClient } from "../request-client";
import { requestIp } from "./client-ip";
import { checkOrigin } from "./origin";
import { errorResponse } from "./respond";

type Params = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<Params> };

export interface HandlerArgs<P> {
  req: NextRequest;
  user: SessionUser;
  params: P;
}

/** A role is satisfied by itself and by ADMIN. */
export function hasRole(user: Pick<SessionUser, "role">, roles: readonly Role[]): boolean {
  return user.role === "ADMIN" || roles.includes(user.role);
}

/**
 * Wraps a route handler: refuses a state-changing request from a page of another origin
 * (403, lib/server/http/origin.ts), requires a valid session (401), optionally one of
 * `roles` (403), and turns anything thrown into the API's error shape.
 */
export function withSession<P extends Params = Params>(handler: (args: HandlerArgs<P>) => Promise<Response>, options: { roles?: readonly Role[] } = {}) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      checkOrigin(req);
      const user = await getSessionUser(req);
      if (!user) throw new AppError("UNAUTHORIZED");
      if (options.roles && !hasRole(user, options.roles)) throw new AppError("FORBIDDEN");
      const params = ((await ctx?.params) ?? {}) as P;
      return await asClient(requestIp(req), () => handler({ req, user, params }));
    } catch (e) {
      return errorResponse(e, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}

/** Wraps a route handler that needs no session: the same Origin check; errors get the API's error shape. */
export function withErrors<P extends Params = Params>(handler: (args: { req: NextRequest; params: P }) => Promise<Response>) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      checkOrigin(req);
      return await handler({ req, params: ((await ctx?.params) ?? {}) as P });
    } catch (e) {
      return errorResponse(e, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}
