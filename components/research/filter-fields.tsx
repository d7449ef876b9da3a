"use client";

import { useMemo } from "react";
import { listScenarios } from "@/lib/client/room-api";
import { scenarioOptions, type CompletedFilter, type RoomFilters, type TestFilter } from "@/lib/client/research-api";
import { useLocale, useT } from "../i18n-provider";
import { TextField } from "../ui/text-field";
import { SelectField } from "./select-field";
import { useResource } from "./use-resource";

/**
 * The fields of the research filters (dates, scenario, completion, test rooms), controlled:
 * every change is handed to `onChange`.
 */
export function FilterFields({ value, onChange, error }: { value: RoomFilters; onChange(next: RoomFilters): void; error?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const scenarios = useResource("scenarios", (signal) => listScenarios(null, signal));
  const options = useMemo(() => {
    const list = scenarioOptions(scenarios.data ?? [], locale);
    if (value.scenario && !list.some((o) => o.value === value.scenario)) list.unshift({ value: value.scenario, label: value.scenario });
    return list;
  }, [scenarios.data, locale, value.scenario]);
  const set = (patch: Partial<RoomFilters>) => {
    const next = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof RoomFilters)[]) if (!next[k]) delete next[k];
    onChange(next);
  };

  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <TextField type="date" label={t("research.filters.from")} value={value.from ?? ""} max={value.to} onChange={(e) => set({ from: e.target.value })} error={error} />
      <TextField type="date" label={t("research.filters.to")} value={value.to ?? ""} min={value.from} onChange={(e) => set({ to: e.target.value })} />
      <SelectField label={t("research.filters.scenario")} value={value.scenario ?? ""} onChange={(e) => set({ scenario: e.target.value })}>
        <option value="">{t("research.filters.scenarioAll")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("research.filters.completed")} value={value.completed ?? ""} onChange={(e) => set({ completed: (e.target.value || undefined) as CompletedFilter | undefined })}>
        <option value="">{t("research.filters.completedAll")}</option>
        <option value="true">{t("research.filters.completedYes")}</option>
        <option value="false">{t("research.filters.completedNo")}</option>
      </SelectField>
      <SelectField
        label={t("research.filters.test")}
        value={value.test ?? "false"}
        onChange={(e) => set({ test: e.target.value === "false" ? undefined : (e.target.value as TestFilter) })}
      >
        <option value="false">{t("research.filters.testExclude")}</option>
        <option value="true">{t("research.filters.testOnly")}</option>
        <option value="all">{t("research.filters.testAll")}</option>
      </SelectField>
    </div>
  );
}
