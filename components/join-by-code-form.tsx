"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isCode } from "@/lib/domain/codes";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";
import { useT } from "./i18n-provider";

export const ROOM_CODE_LENGTH = 6;

/** Upper-cases and drops spaces and dashes, so "k7m-2qx" becomes "K7M2QX". */
export function normalizeRoomCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, ROOM_CODE_LENGTH);
}

/** A room-code field that opens /rooms/CODE. */
export function JoinByCodeForm() {
  const t = useT();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [hasError, setHasError] = useState(false);
  const [isNavigating, setIsNavigating] = useState(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!isCode(code, ROOM_CODE_LENGTH)) {
      setHasError(true);
      return;
    }
    setIsNavigating(true);
    router.push(`/rooms/${code}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <TextField
        className="flex-1"
        label={t("join.label")}
        hint={t("join.hint")}
        error={hasError ? t("join.error.format") : undefined}
        value={code}
        onChange={(e) => {
          setCode(normalizeRoomCode(e.target.value));
          setHasError(false);
        }}
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        inputClassName="font-mono text-lg tracking-[0.3em] uppercase placeholder:tracking-[0.3em]"
        placeholder="K7M2QX"
      />
      <Button type="submit" variant="secondary" isLoading={isNavigating} className="sm:mt-[1.625rem]">
        {t("join.submit")}
      </Button>
    </form>
  );
}
