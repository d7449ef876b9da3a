"use client";

import { useId, type ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

/** A labelled picker of one kind of media device; "" is the browser's default device. */
export function DeviceSelect({
  label,
  devices,
  value,
  onChange,
  unnamedKey,
  className,
  compact = false,
  icon,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange(deviceId: string | null): void;
  unnamedKey: MessageKey;
  className?: string;
  compact?: boolean;
  /** Shown before a compact picker, whose label is for screen readers only. */
  icon?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const known = value !== null && devices.some((d) => d.deviceId === value);
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className={cn("font-medium text-slate-800", compact ? "sr-only" : "text-sm")}>
        {label}
      </label>
      <div className="relative flex min-w-0 items-center">
        {compact && icon && <span className="pointer-events-none absolute left-2.5 text-slate-500">{icon}</span>}
        <select
          id={id}
          value={known ? value : ""}
          onChange={(e) => onChange(e.target.value || null)}
          title={compact ? label : undefined}
          className={cn("w-full min-w-0 truncate rounded-xl border border-slate-300 bg-white text-sm text-slate-800", compact ? "h-9" : "h-10", compact && icon ? "pr-3 pl-8" : "px-3")}
        >
          <option value="">{t("voice.check.defaultDevice")}</option>
          {devices.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t(unnamedKey, { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
