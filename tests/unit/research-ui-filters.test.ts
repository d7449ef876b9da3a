import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/client/api";
import {
  activeFilterCount,
  cursorFromQuery,
  exportUrl,
  fallbackFilename,
  fetchFileWithProgress,
  filenameFromDisposition,
  filtersFromQuery,
  filtersProblem,
  filtersQuery,
  filtersToParams,
  formatBytes,
  sameFilters,
  scenarioOptions,
  type DownloadProgress,
  type RoomFilters,
} from "@/lib/client/research-api";
import { researchExportQuerySchema, researchRoomsQuerySchema } from "@/lib/validation/research";

const UUID = "0b7f4a4e-3d2c-4b8e-9f1a-2c3d4e5f6a7b";
const q = (s: string) => new URLSearchParams(s);
const asObject = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("filters ↔ query string", () => {
  it.each<[string, string, RoomFilters]>([
    ["nothing", "", {}],
    ["every filter", "from=2026-03-01&to=2026-03-31&scenario=self-driving&completed=true&test=all", { from: "2026-03-01", to: "2026-03-31", scenario: "self-driving", completed: "true", test: "all" }],
    ["a scenario by id", `scenario=${UUID}`, { scenario: UUID }],
    ["test=false is the default and dropped", "test=false", {}],
    ["test rooms only", "test=true&completed=false", { test: "true", completed: "false" }],
    ["a date that does not exist", "from=2026-02-30&to=2026-13-01", {}],
    ["a date-time instead of a date", "from=2026-03-01T10:00:00Z", {}],
    ["unknown flags", "completed=yes&test=maybe", {}],
    ["a scenario with spaces or slashes", "scenario=a%20b&x=1", {}],
    ["values are trimmed", "from=%202026-03-01%20", { from: "2026-03-01" }],
  ])("%s", (_name, query, filters) => {
    expect(filtersFromQuery(q(query))).toEqual(filters);
  });

  it("writes filters in a fixed order without empty values or defaults, and reads them back", () => {
    const f: RoomFilters = { test: "all", completed: "true", scenario: "s", to: "2026-03-31", from: "2026-03-01" };
    expect(filtersQuery(f)).toBe("?from=2026-03-01&to=2026-03-31&scenario=s&completed=true&test=all");
    expect(filtersFromQuery(filtersToParams(f))).toEqual(f);
    expect(filtersQuery({})).toBe("");
    expect(filtersQuery({ test: "false", from: "" })).toBe("");
    expect(filtersQuery({ from: "2026-03-01" }, { cursor: UUID, limit: "25", sheet: undefined })).toBe(`?from=2026-03-01&cursor=${UUID}&limit=25`);
  });

  it("reads a page cursor only when it is a room id", () => {
    expect(cursorFromQuery(q(`cursor=${UUID}`))).toBe(UUID);
    expect(cursorFromQuery(q("cursor=abc"))).toBeUndefined();
    expect(cursorFromQuery(q(""))).toBeUndefined();
  });

  it("compares and counts filters", () => {
    expect(sameFilters({ test: "false" }, {})).toBe(true);
    expect(sameFilters({ from: "2026-01-01" }, {})).toBe(false);
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ test: "false" })).toBe(0);
    expect(activeFilterCount({ from: "2026-01-01", test: "all", completed: "false" })).toBe(3);
  });

  it("catches a reversed date range before asking the server (the same day is fine)", () => {
    expect(filtersProblem({ from: "2026-03-02", to: "2026-03-01" })).toBe("range");
    expect(filtersProblem({ from: "2026-03-01", to: "2026-03-01" })).toBeNull();
    expect(filtersProblem({ from: "2026-03-01" })).toBeNull();
  });

  it("builds list and export queries that the server's schemas accept", () => {
    const f: RoomFilters = { from: "2026-03-01", to: "2026-03-01", scenario: "self-driving", completed: "true", test: "all" };
    const list = researchRoomsQuerySchema.safeParse(asObject(`/x${filtersQuery(f, { cursor: UUID, limit: "25" })}`));
    expect(list.success, JSON.stringify(list.error)).toBe(true);
    expect(list.data!.filters).toMatchObject({ scenario: "self-driving", completed: true, test: "all" });
    expect(list.data!.filters.to!.getTime() - list.data!.filters.from!.getTime()).toBe(24 * 3600 * 1000);

    for (const [format, sheet] of [["xlsx", undefined], ["csv", "wide"], ["json", "chat"]] as const) {
      const url = exportUrl(f, format, sheet);
      expect(url.startsWith("/api/research/export?")).toBe(true);
      const parsed = researchExportQuerySchema.safeParse(asObject(url));
      expect(parsed.success, url).toBe(true);
      expect(parsed.data).toMatchObject({ format, sheet });
    }
    expect(exportUrl({}, "json")).toBe("/api/research/export?format=json");
  });
});

describe("scenarioOptions", () => {
  it("merges a built-in scenario's languages under its slug, titled in the UI language, and keeps custom games by id", () => {
    const scenarios = [
      { id: "1", slug: "cars", locale: "en", title: "Self-driving cars" },
      { id: "2", slug: "cars", locale: "ko", title: "자율주행차" },
      { id: "3", slug: null, locale: "ko", title: "우리 반 게임" },
      { id: "4", slug: "hiring", locale: "en", title: "AI hiring" },
    ];
    expect(scenarioOptions(scenarios, "en")).toEqual([
      { value: "hiring", label: "AI hiring" },
      { value: "cars", label: "Self-driving cars" },
      { value: "3", label: "우리 반 게임" },
    ]);
    const ko = scenarioOptions(scenarios, "ko");
    expect(ko).toHaveLength(3);
    expect(ko.find((o) => o.value === "cars")!.label).toBe("자율주행차");
    expect(ko.find((o) => o.value === "hiring")!.label).toBe("AI hiring");
  });
});

describe("filenameFromDisposition", () => {
  it.each<[string | null, string]>([
    ['attachment; filename="aedg-export-20260301T090000Z.xlsx"', "aedg-export-20260301T090000Z.xlsx"],
    ["attachment; filename=aedg-export.zip", "aedg-export.zip"],
    ["attachment; filename*=UTF-8''%EC%97%B0%EA%B5%AC.csv; filename=\"fallback.csv\"", "연구.csv"],
    ['attachment; filename="../../etc/passwd"', "passwd"],
    ['attachment; filename="a\\"b.json"', 'a"b.json'],
    ['attachment; filename=".."', "fallback.bin"],
    ["attachment", "fallback.bin"],
    [null, "fallback.bin"],
  ])("%s", (header, expected) => {
    expect(filenameFromDisposition(header, "fallback.bin")).toBe(expected);
  });

  it("falls back to a name with the right extension", () => {
    expect(fallbackFilename("xlsx")).toBe("aedg-export.xlsx");
    expect(fallbackFilename("csv")).toBe("aedg-export.zip");
    expect(fallbackFilename("csv", "wide")).toBe("aedg-export.csv");
    expect(fallbackFilename("json", "chat")).toBe("aedg-export.json");
  });
});

describe("formatBytes", () => {
  it.each<[number, string, string]>([
    [0, "en", "0 B"],
    [1, "en", "1 B"],
    [1023, "en", "1,023 B"],
    [1024, "en", "1 KB"],
    [1536, "en", "1.5 KB"],
    [10 * 1024 + 512, "en", "10.5 KB"],
    [200 * 1024, "en", "200 KB"],
    [5 * 1024 * 1024 + 300 * 1024, "en", "5.29 MB"],
    [3 * 1024 ** 3, "en", "3 GB"],
    [-5, "en", "0 B"],
    [1536, "ko", "1.5 KB"],
  ])("%d (%s) → %s", (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });
});

describe("fetchFileWithProgress", () => {
  afterEach(() => vi.unstubAllGlobals());

  function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
  }

  it("counts the bytes as they arrive (no Content-Length) and keeps the server's file name", async () => {
    const chunks = [new Uint8Array(1000).fill(1), new Uint8Array(500).fill(2), new Uint8Array(24).fill(3)];
    vi.stubGlobal("fetch", async () => new Response(streamOf(chunks), { headers: { "Content-Type": "application/json", "Content-Disposition": 'attachment; filename="aedg-export-20260301T090000Z.json"' } }));
    const seen: DownloadProgress[] = [];
    const file = await fetchFileWithProgress("/api/research/export?format=json", { fallbackName: "x.json", onProgress: (p) => seen.push(p) });
    expect(file.filename).toBe("aedg-export-20260301T090000Z.json");
    expect(file.blob.size).toBe(1524);
    expect(file.blob.type).toBe("application/json");
    expect(seen.map((p) => p.received)).toEqual([0, 1000, 1500, 1524]);
    expect(seen.every((p) => p.total === null)).toBe(true);
    expect(new Uint8Array(await file.blob.arrayBuffer())[1200]).toBe(2);
  });

  it("reports the total when the server gives a Content-Length", async () => {
    vi.stubGlobal("fetch", async () => new Response(streamOf([new Uint8Array(10)]), { headers: { "Content-Length": "10" } }));
    const seen: DownloadProgress[] = [];
    const file = await fetchFileWithProgress("/f", { fallbackName: "f.bin", onProgress: (p) => seen.push(p) });
    expect(file.filename).toBe("f.bin");
    expect(seen.at(-1)).toEqual({ received: 10, total: 10 });
  });

  it("turns an error answer into an ApiError with the server's message", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "VALIDATION_ERROR", message: "from: `from` must be before `to`." } }, { status: 400 }));
    const error = await fetchFileWithProgress("/f", { fallbackName: "f" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_ERROR", message: "from: `from` must be before `to`." });

    vi.stubGlobal("fetch", async () => new Response("nope", { status: 403, statusText: "Forbidden" }));
    expect(await fetchFileWithProgress("/f", { fallbackName: "f" }).catch((e: unknown) => e)).toMatchObject({ status: 403, code: "HTTP_403" });
  });
});
