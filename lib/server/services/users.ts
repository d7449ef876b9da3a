import { randomBytes } from "node:crypto";
import { makeCode } from "@/lib/domain/codes";
import type { Me } from "@/lib/validation/user";
import { db, type Tx } from "../db";
import type { User } from "../db/generated/client";
import { prismaErrorCode } from "../errors";

/** A fresh pseudonymous participant code ("P" + 7 characters), unique with overwhelming probability. */
export function newParticipantCode(): string {
  return `P${makeCode(7, (n) => randomBytes(n))}`;
}

/** The public view of a user for the user themself. */
export function toMe(user: User): Me {
  return {
    id: user.id,
    username: user.username,
    nickname: user.nickname,
    role: user.role,
    isGuest: user.isGuest,
    dataConsent: user.dataConsent,
    voiceConsent: user.voiceConsent,
    locale: user.locale === "ko" || user.locale === "en" ? user.locale : null,
    participantCode: user.participantCode,
  };
}

/** Creates a user, retrying on the (rare) participant-code collision. */
export async function insertUser(data: Omit<Parameters<Tx["user"]["create"]>[0]["data"], "participantCode">, client: Tx = db()): Promise<User> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.user.create({ data: { ...data, participantCode: newParticipantCode() } });
    } catch (e) {
      const target = (e as { meta?: { target?: unknown } }).meta?.target;
      const onCode = JSON.stringify(target ?? "").includes("participantCode");
      if (prismaErrorCode(e) === "P2002" && onCode && attempt < 5) continue;
      throw e;
    }
  }
}
