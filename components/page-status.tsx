"use client";

import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Spinner } from "./ui/spinner";
import { useT } from "./i18n-provider";

/** The body of a page while its data loads, or when loading failed. */
export function PageStatus({ state, retry, errorKey = "common.error.network" }: { state: "loading" | "error"; retry?: () => void; errorKey?: Parameters<ReturnType<typeof useT>>[0] }) {
  const t = useT();
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      {state === "loading" ? (
        <p role="status" className="flex items-center gap-2 text-slate-500">
          <Spinner />
          {t("common.loading")}
        </p>
      ) : (
        <div className="flex w-full max-w-sm flex-col items-center gap-4 text-center">
          <Alert className="w-full">{t(errorKey)}</Alert>
          {retry && (
            <Button variant="secondary" onClick={retry}>
              {t("common.retry")}
            </Button>
          )}
        </div>
      )}
    </main>
  );
}
