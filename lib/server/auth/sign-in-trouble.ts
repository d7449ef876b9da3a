import { AsyncLocalStorage } from "node:async_hooks";
import { isDbUnavailable } from "../errors";
import { logger } from "../logger";
import { remember } from "../remember";

/**
 * What went wrong in a sign-in beyond a wrong password: the database could not be reached, or
 * something failed. next-auth turns anything authorize() throws into a 401 whose redirect
 * carries the error's text, and the sign-in route would count it as a wrong password; so
 * authorize() records the trouble here and throws a plain error, and the route answers
 * 503 or 500 itself, counting nothing (app/api/auth/[...nextauth]/route.ts).
 */
export type SignInTrouble = "unavailable" | "internal";

type Outcome = { trouble?: SignInTrouble };

// One store for both module copies (server.ts and the route bundle): see remember.ts.
const outcomes = () => remember("auth:sign-in-outcome", () => new AsyncLocalStorage<Outcome>());

/** Runs a next-auth request and tells what trouble its authorize() met, if any. */
export async function watchSignIn<T>(run: () => Promise<T>): Promise<{ result: T; trouble?: SignInTrouble }> {
  const outcome: Outcome = {};
  const result = await outcomes().run(outcome, run);
  return { result, trouble: outcome.trouble };
}

/** Runs an authorize() body; a failure is recorded for watchSignIn and rethrown without its text. */
export async function guardAuthorize<T>(authorize: () => Promise<T>): Promise<T> {
  try {
    return await authorize();
  } catch (e) {
    const trouble: SignInTrouble = isDbUnavailable(e) ? "unavailable" : "internal";
    if (trouble === "internal") logger().error({ err: e }, "sign-in failed");
    const outcome = outcomes().getStore();
    if (outcome) outcome.trouble ??= trouble;
    throw new Error(trouble === "unavailable" ? "Unavailable" : "Failed");
  }
}
