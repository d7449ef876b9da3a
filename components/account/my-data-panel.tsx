"use client";

import { signOut } from "next-auth/react";
import { useId, useState } from "react";
import { deleteAccount, farewellHref } from "@/lib/client/auth";
import type { Me } from "@/lib/validation/user";
import { useT } from "../i18n-provider";
import { ConfirmDialog } from "../research/confirm-dialog";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";

type Action = "withdraw" | "delete";

/**
 * The person's own participant code (the one research exports use), with what it is for, and
 * the two ways out: withdraw every piece of their data (and the account), or delete the account
 * and leave the answers in the research data under that code. Each asks first, saying exactly
 * what goes and what stays; afterwards the person is signed out and lands on the home page
 * with a message.
 */
export function MyDataPanel({ me, className }: { me: Me; className?: string }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState<Action | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);

  async function confirm(action: Action) {
    setIsBusy(true);
    setHasFailed(false);
    try {
      await deleteAccount(action === "withdraw");
    } catch {
      setIsBusy(false);
      setHasFailed(true);
      return;
    }
    // The server revoked every session already; this clears the cookie too.
    await signOut({ redirect: false }).catch(() => undefined);
    // A full load: nothing of the signed-in session (stores, socket) carries over.
    window.location.assign(farewellHref(action === "withdraw" ? "withdrawn" : "deleted"));
  }

  const close = () => {
    setOpen(null);
    setHasFailed(false);
  };

  return (
    <Card as="section" aria-labelledby={`${id}-title`} className={className} data-testid="my-data">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("withdraw.title")}
      </h2>
      <div className="mt-3">
        <p className="text-sm font-medium text-slate-700" id={`${id}-code`}>
          {t("withdraw.code.label")}
        </p>
        <p className="mt-1">
          <code aria-labelledby={`${id}-code`} data-testid="participant-code" className="rounded-lg bg-slate-100 px-2.5 py-1 font-mono text-lg font-bold tracking-widest text-slate-900 select-all">
            {me.participantCode}
          </code>
        </p>
        <p className="mt-2 text-sm leading-relaxed text-slate-600">{t("withdraw.code.body")}</p>
        {!me.dataConsent && <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("withdraw.code.noConsent")}</p>}
      </div>

      <h3 className="sr-only">{t("withdraw.actions")}</h3>
      <ul className="mt-5 flex flex-col gap-4 border-t border-slate-100 pt-4 sm:flex-row sm:gap-6">
        <li className="flex min-w-0 flex-1 flex-col items-start gap-1.5">
          <Button variant="secondary" onClick={() => setOpen("withdraw")} aria-describedby={`${id}-withdraw-hint`}>
            {t("withdraw.withdraw.button")}
          </Button>
          <p id={`${id}-withdraw-hint`} className="text-sm text-slate-600">
            {t("withdraw.withdraw.hint")}
          </p>
        </li>
        <li className="flex min-w-0 flex-1 flex-col items-start gap-1.5">
          <Button variant="secondary" onClick={() => setOpen("delete")} aria-describedby={`${id}-delete-hint`}>
            {t("withdraw.delete.button")}
          </Button>
          <p id={`${id}-delete-hint`} className="text-sm text-slate-600">
            {t("withdraw.delete.hint")}
          </p>
        </li>
      </ul>

      <ConfirmDialog
        open={open === "withdraw"}
        title={t("withdraw.dialog.withdraw.title")}
        confirmLabel={t("withdraw.dialog.withdraw.confirm")}
        cancelLabel={t("withdraw.dialog.cancel")}
        onConfirm={() => void confirm("withdraw")}
        onCancel={close}
        isBusy={isBusy}
      >
        <p>{t("withdraw.dialog.withdraw.goes")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("withdraw.dialog.withdraw.goes.answers")}</li>
          <li>{t("withdraw.dialog.withdraw.goes.chat")}</li>
          <li>{t("withdraw.dialog.withdraw.goes.voice")}</li>
          <li>{t("withdraw.dialog.withdraw.goes.ai")}</li>
          <li>{t("withdraw.dialog.withdraw.goes.account", { name: me.nickname })}</li>
        </ul>
        <p className="mt-3">{t("withdraw.dialog.withdraw.stays")}</p>
        <p className="mt-3 font-semibold text-slate-800">{t("withdraw.dialog.withdraw.undo")}</p>
        <Failed hasFailed={hasFailed} />
      </ConfirmDialog>

      <ConfirmDialog
        open={open === "delete"}
        title={t("withdraw.dialog.delete.title")}
        confirmLabel={t("withdraw.dialog.delete.confirm")}
        cancelLabel={t("withdraw.dialog.cancel")}
        onConfirm={() => void confirm("delete")}
        onCancel={close}
        isBusy={isBusy}
      >
        <p>{t("withdraw.dialog.delete.goes", { name: me.nickname })}</p>
        <p className="mt-3">{t("withdraw.dialog.delete.stays", { code: me.participantCode })}</p>
        <p className="mt-3 font-semibold text-slate-800">{t("withdraw.dialog.withdraw.undo")}</p>
        <Failed hasFailed={hasFailed} />
      </ConfirmDialog>
    </Card>
  );
}

function Failed({ hasFailed }: { hasFailed: boolean }) {
  const t = useT();
  return <Alert className="mt-3">{hasFailed ? t("withdraw.error") : null}</Alert>;
}
