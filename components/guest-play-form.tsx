"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { destinationAfterSignIn, signInAsGuest } from "@/lib/client/auth";
import { useMeStore } from "@/lib/client/stores/me";
import { issueMessageKey } from "@/lib/client/validation-messages";
import { nicknameSchema } from "@/lib/validation/user";

/**
 * Nickname → guest session → consent (first time) → `destination`: the lobby, or the room whose
 * link brought the player here.
 */
export function GuestPlayForm({ destination = "/lobby" }: { destination?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const router = useRouter();
  const [nickname, setNickname] = useState("");
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = nicknameSchema.safeParse(nickname);
    if (!parsed.success) {
      setFieldError(issueMessageKey("nickname", parsed.error.issues[0]!));
      return;
    }
    setIsSubmitting(true);
    const result = await signInAsGuest(parsed.data, locale);
    if (!result.ok) {
      setIsSubmitting(false);
      if (result.reason === "rejected") setFieldError("guest.error.invalid");
      else setFormError("guest.error.failed");
      return;
    }
    try {
      const me = await useMeStore.getState().load();
      // Stay in the submitting state: the page is about to change.
      router.push(destinationAfterSignIn(me ?? { dataConsent: false }, destination));
    } catch {
      setIsSubmitting(false);
      setFormError("guest.error.failed");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label={t("guest.nickname")}
        hint={t("guest.nicknameHint")}
        error={fieldError ? t(fieldError) : undefined}
        name="nickname"
        value={nickname}
        onChange={(e) => {
          setNickname(e.target.value);
          setFieldError(null);
        }}
        autoComplete="nickname"
        maxLength={40}
        required
        disabled={isSubmitting}
      />
      <Alert>{formError ? t(formError) : null}</Alert>
      <Button type="submit" size="lg" isLoading={isSubmitting} className="w-full">
        {t("guest.submit")}
      </Button>
    </form>
  );
}
