"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { AuthPage } from "@/components/auth-card";
import { useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { apiFetch, isApiError } from "@/lib/client/api";
import { signInWithPassword } from "@/lib/client/auth";
import { useMeStore } from "@/lib/client/stores/me";
import { fieldErrorKeys, issueMessageKey } from "@/lib/client/validation-messages";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";
import { registerSchema, usernameSchema } from "@/lib/validation/user";
import { useUsernameAvailability } from "./use-username-availability";

type Field = "username" | "password" | "confirm" | "email" | "nickname";
type Errors = Partial<Record<Field, MessageKey>>;

const linkClass = "rounded font-semibold text-brand-700 underline-offset-4 hover:underline";

export function RegisterView({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const router = useRouter();
  const destination = safeCallbackUrl(callbackUrl, "/lobby");
  const onward = (path: string) => (destination === "/lobby" ? path : withCallbackUrl(path, destination));
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ username: "", password: "", confirm: "", email: "", nickname: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [usernameTouched, setUsernameTouched] = useState(false);
  const [formError, setFormError] = useState<{ key: MessageKey; signInLink?: boolean } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const availability = useUsernameAvailability(values.username);

  function update(field: Field) {
    return (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
    };
  }

  function focusFirstInvalid() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const input = {
      username: values.username,
      password: values.password,
      email: values.email.trim() || undefined,
      nickname: values.nickname.trim() || undefined,
    };
    const parsed = registerSchema.safeParse(input);
    const next: Errors = parsed.success ? {} : (fieldErrorKeys(parsed.error) as Errors);
    if (values.confirm !== values.password) next.confirm = "validation.password.mismatch";
    if (!next.username && availability === "taken") next.username = "register.username.taken";
    if (!parsed.success || Object.values(next).some(Boolean)) {
      setErrors(next);
      setUsernameTouched(true);
      setFormError({ key: "register.error.fix" });
      focusFirstInvalid();
      return;
    }

    setIsSubmitting(true);
    try {
      await apiFetch("/api/users", { method: "POST", body: parsed.data });
    } catch (err) {
      setIsSubmitting(false);
      if (isApiError(err, "USERNAME_TAKEN")) {
        setErrors({ username: "register.username.taken" });
        setFormError({ key: "register.error.taken" });
        focusFirstInvalid();
      } else {
        setFormError({ key: isApiError(err, "VALIDATION_ERROR") ? "register.error.fix" : "register.error.failed" });
      }
      return;
    }

    const signedIn = await signInWithPassword(parsed.data.username, parsed.data.password);
    if (!signedIn.ok) {
      setIsSubmitting(false);
      setFormError({ key: "register.error.signInAfter", signInLink: true });
      return;
    }
    await useMeStore
      .getState()
      .load()
      .catch(() => undefined);
    router.push(onward("/consent"));
  }

  const usernameFormatError =
    usernameTouched && availability === "invalid" && values.username.trim() !== ""
      ? issueMessageKey("username", usernameSchema.safeParse(values.username).error?.issues[0] ?? { code: "custom" })
      : undefined;
  const usernameError = errors.username ?? usernameFormatError ?? (availability === "taken" ? "register.username.taken" : undefined);
  const usernameStatus =
    availability === "checking" ? (
      <span className="inline-flex items-center gap-1.5">
        <Spinner className="size-3.5" />
        {t("register.username.checking")}
      </span>
    ) : availability === "available" ? (
      t("register.username.available")
    ) : availability === "failed" ? (
      t("register.username.checkFailed")
    ) : undefined;

  return (
    <AuthPage
      title={t("register.title")}
      subtitle={t("register.subtitle")}
      footer={
        <p>
          {t("register.haveAccount")}{" "}
          <Link href={onward("/signin")} className={linkClass}>
            {t("register.signIn")}
          </Link>
        </p>
      }
    >
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <TextField
          label={t("register.username")}
          hint={t("register.usernameHint")}
          error={usernameError ? t(usernameError) : undefined}
          status={usernameStatus}
          statusTone={availability === "available" ? "success" : "neutral"}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={values.username}
          onChange={update("username")}
          onBlur={() => setUsernameTouched(true)}
          required
          disabled={isSubmitting}
        />
        <TextField
          label={t("register.password")}
          hint={t("register.passwordHint")}
          error={errors.password ? t(errors.password) : undefined}
          type="password"
          name="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update("password")}
          required
          disabled={isSubmitting}
        />
        <TextField
          label={t("register.confirm")}
          error={errors.confirm ? t(errors.confirm) : undefined}
          type="password"
          name="confirm"
          autoComplete="new-password"
          value={values.confirm}
          onChange={update("confirm")}
          required
          disabled={isSubmitting}
        />
        <div className="grid gap-5 border-t border-slate-100 pt-5">
          <TextField
            label={t("register.email")}
            labelNote={t("common.optional")}
            hint={t("register.emailHint")}
            error={errors.email ? t(errors.email) : undefined}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={update("email")}
            disabled={isSubmitting}
          />
          <TextField
            label={t("register.nickname")}
            labelNote={t("common.optional")}
            hint={t("register.nicknameHint")}
            error={errors.nickname ? t(errors.nickname) : undefined}
            name="nickname"
            autoComplete="nickname"
            value={values.nickname}
            onChange={update("nickname")}
            disabled={isSubmitting}
          />
        </div>
        <Alert>
          {formError && (
            <>
              {t(formError.key)}
              {formError.signInLink && (
                <>
                  {" "}
                  <Link href={withCallbackUrl("/signin", onward("/consent"))} className="font-semibold underline underline-offset-4">
                    {t("register.signIn")}
                  </Link>
                </>
              )}
            </>
          )}
        </Alert>
        <Button type="submit" size="lg" isLoading={isSubmitting} className="w-full">
          {t("register.submit")}
        </Button>
      </form>
    </AuthPage>
  );
}
