"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useT } from "@/components/i18n-provider";
import { FAREWELLS } from "@/lib/client/auth";

/** After a withdrawal or an account deletion (`/?farewell=…`): what happened, on the home page. */
export function FarewellNotice() {
  return (
    <Suspense fallback={null}>
      <Notice />
    </Suspense>
  );
}

function Notice() {
  const t = useT();
  const router = useRouter();
  const param = useSearchParams().get("farewell");
  const farewell = FAREWELLS.find((f) => f === param);
  return (
    <div role="status" aria-live="polite">
      {farewell && (
        <div className="mb-8 flex flex-col gap-3 rounded-xl bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200 ring-inset sm:flex-row sm:items-center sm:justify-between" data-testid="farewell">
          <p>{t(farewell === "withdrawn" ? "withdraw.done.withdrawn" : "withdraw.done.deleted")}</p>
          <button type="button" className="shrink-0 self-start font-semibold underline underline-offset-4 sm:self-auto" onClick={() => router.replace("/")}>
            {t("withdraw.done.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}
