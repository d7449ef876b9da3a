"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthPage } from "@/components/auth-card";
import { useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { signInWithPassword } from "@/lib/client/auth";
import { useMeStore } from "@/lib/client/stores/me";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";

const linkClass = "rounded font-semibold text-brand-700 underline-offset-4 hover:underline";

export function SignInView({ callbackUrl, authError }: { callbackUrl?: string; authError?: string }) {
  const t = useT();
  const router = useRouter();
  const destination = safeCallbackUrl(callbackUrl, "/lobby");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<MessageKey | null>(
    authError === "CredentialsSignin" ? "signin.error.invalid" : authError ? "signin.error.failed" : null,
  );
  const [isSubmitting, setIsSubmitting] = useState(false);
  // Arriving from a page that needs a session (e.g. /consent) deserves a word of explanation.
  const isRedirected = callbackUrl !== undefined && destination !== "/lobby" && !authError;
  // The other ways in (an account, a guest) lead to the same page afterwards.
  const onward = (path: string) => (destination === "/lobby" ? path : withCallbackUrl(path, destination));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError("signin.error.invalid");
      return;
    }
    setError(null);
    setIsSubmitting(true);
    const result = await signInWithPassword(username.trim(), password);
    if (!result.ok) {
      setIsSubmitting(false);
      setError(result.reason === "rejected" ? "signin.error.invalid" : "signin.error.failed");
      return;
    }
    await useMeStore
      .getState()
      .load()
      .catch(() => undefined);
    router.push(destination);
  }

  return (
    <AuthPage
      title={t("signin.title")}
      subtitle={t("signin.subtitle")}
      footer={
        <div className="flex flex-col items-center gap-2">
          <p>
            {t("signin.noAccount")}{" "}
            <Link href={onward("/register")} className={linkClass}>
              {t("signin.register")}
            </Link>
          </p>
          <p>
            <Link href={onward("/")} className={linkClass}>
              {t("signin.guest")}
            </Link>
          </p>
        </div>
      }
    >
      {isRedirected && (
        <Alert tone="info" className="mb-5">
          {t("signin.notice.required")}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <TextField
          label={t("signin.username")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          disabled={isSubmitting}
          aria-invalid={error === "signin.error.invalid" || undefined}
        />
        <TextField
          label={t("signin.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          disabled={isSubmitting}
          aria-invalid={error === "signin.error.invalid" || undefined}
        />
        <Alert>{error ? t(error) : null}</Alert>
        <Button type="submit" size="lg" isLoading={isSubmitting} className="mt-1 w-full">
          {t("signin.submit")}
        </Button>
      </form>
    </AuthPage>
  );
}
