"use client";

import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";
import { saveNickname } from "@/lib/client/auth";
import { useMeStore } from "@/lib/client/stores/me";
import { issueMessageKey } from "@/lib/client/validation-messages";
import { nicknameSchema, type Me } from "@/lib/validation/user";

type Status = { kind: "idle" } | { kind: "saved" } | { kind: "unchanged" };

/**
 * Changes the nickname (`PATCH /api/users/me`), checked first with the schema the server parses
 * it with; the new name shows at once everywhere the signed-in user is shown (the me store).
 */
export function NicknameForm({ me }: { me: Me }) {
  const t = useT();
  const [nickname, setNickname] = useState(me.nickname);
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setStatus({ kind: "idle" });
    const parsed = nicknameSchema.safeParse(nickname);
    if (!parsed.success) {
      setFieldError(issueMessageKey("nickname", parsed.error.issues[0]!));
      return;
    }
    if (parsed.data === me.nickname) {
      setNickname(parsed.data);
      setStatus({ kind: "unchanged" });
      return;
    }
    setIsSaving(true);
    try {
      const updated = await saveNickname(parsed.data);
      useMeStore.getState().setMe(updated);
      setNickname(updated.nickname);
      setStatus({ kind: "saved" });
    } catch (err) {
      if (isApiError(err, "VALIDATION_ERROR")) setFieldError("validation.nickname.invalid");
      else setFormError("common.error.network");
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" data-testid="nickname-form">
      <TextField
        label={t("account.nickname.label")}
        hint={t("account.nickname.hint")}
        error={fieldError ? t(fieldError) : undefined}
        status={status.kind === "saved" ? t("account.nickname.saved") : status.kind === "unchanged" ? t("account.nickname.unchanged") : undefined}
        statusTone={status.kind === "saved" ? "success" : "neutral"}
        name="nickname"
        value={nickname}
        onChange={(e) => {
          setNickname(e.target.value);
          setFieldError(null);
          setStatus({ kind: "idle" });
        }}
        autoComplete="nickname"
        maxLength={40}
        required
        disabled={isSaving}
      />
      <Alert>{formError ? t(formError) : null}</Alert>
      <Button type="submit" isLoading={isSaving} className="self-start">
        {t("account.nickname.save")}
      </Button>
    </form>
  );
}
