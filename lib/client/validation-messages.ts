import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/messages";

type Field = "username" | "password" | "nickname" | "email";

const byField: Record<Field, Partial<Record<string, MessageKey>>> = {
  username: { too_small: "validation.username.tooShort", too_big: "validation.username.tooLong", invalid_format: "validation.username.invalid" },
  password: { too_small: "validation.password.tooShort", too_big: "validation.password.tooLong" },
  nickname: { too_small: "validation.nickname.required", too_big: "validation.nickname.tooLong", custom: "validation.nickname.invalid" },
  email: { invalid_format: "validation.email.invalid", too_big: "validation.email.invalid" },
};

/**
 * The translated message for a zod issue on a form field. The shared schemas carry English
 * messages for the API; the forms show their own, chosen by the issue's code.
 */
export function issueMessageKey(field: string, issue: Pick<z.core.$ZodIssue, "code">): MessageKey {
  const table = byField[field as Field] as Partial<Record<string, MessageKey>> | undefined;
  return table?.[issue.code] ?? (issue.code === "invalid_type" ? "validation.required" : "validation.invalid");
}

/** The first issue per top-level field, as message keys. */
export function fieldErrorKeys(error: z.ZodError): Partial<Record<string, MessageKey>> {
  const out: Partial<Record<string, MessageKey>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!(field in out)) out[field] = issueMessageKey(field, issue);
  }
  return out;
}
