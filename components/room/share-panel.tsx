"use client";

import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { useSnapshot } from "./use-room";

/** The room's link, a copy button and a QR code, to invite the other players. */
export function SharePanel({ compact = false, className }: { compact?: boolean; className?: string }) {
  const t = useT();
  const { code } = useSnapshot();
  const [link, setLink] = useState("");
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const url = `${window.location.origin}/rooms/${code}`;
    let active = true;
    QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } }).then(
      (data) => {
        if (!active) return;
        setLink(url);
        setQr(data);
      },
      () => active && setLink(url),
    );
    return () => {
      active = false;
    };
  }, [code]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (insecure context): select the text for a manual copy.
      inputRef.current?.select();
    }
  }

  return (
    <Card as="section" aria-labelledby="share-title" className={cn(compact && "p-4 sm:p-5", className)}>
      <h2 id="share-title" className="text-base font-semibold text-slate-900">
        {t("share.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("share.body")}</p>
      <div className={cn("mt-4 flex gap-4", compact ? "flex-col" : "flex-col sm:flex-row sm:items-start")}>
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("share.code")}</p>
            <p className="font-mono text-2xl font-bold tracking-[0.25em] text-slate-900" data-testid="room-code">
              {code}
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="share-link" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
              {t("share.link")}
            </label>
            <div className="flex gap-2">
              <input
                id="share-link"
                ref={inputRef}
                readOnly
                value={link}
                onFocus={(e) => e.currentTarget.select()}
                className="h-9 min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-2.5 text-sm text-slate-700"
              />
              <Button size="sm" variant="secondary" onClick={() => void copy()} disabled={!link}>
                {copied ? t("share.copied") : t("share.copy")}
              </Button>
            </div>
            <span className="sr-only" aria-live="polite">
              {copied ? t("share.copied") : ""}
            </span>
          </div>
        </div>
        {qr && (
          <figure className={cn("shrink-0", compact ? "self-center" : "self-center sm:self-start")}>
            {/* A data URL made in the browser; next/image adds nothing here. */}
            <img src={qr} alt={t("share.qrAlt", { code })} width={144} height={144} className="size-36 rounded-lg ring-1 ring-slate-200" />
            <figcaption className="mt-1 text-center text-xs text-slate-500">{t("share.qrCaption")}</figcaption>
          </figure>
        )}
      </div>
    </Card>
  );
}
