// npm run bots -- --url http://localhost:3000 --rooms 10 [--think 200-800] [--scenario <id>] [--misbehave none|drop|leave|invalid|mixed]
// Simulated players fill rooms and play whole games through the public API and socket.
import { playRoom, type Misbehaviour } from "../lib/bots/bot";

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const url = (arg("url", "http://localhost:3000") ?? "").replace(/\/$/, "");
  const rooms = Math.max(1, Math.min(1000, Number(arg("rooms", "1"))));
  const [min, max] = (arg("think", "200-800") ?? "200-800").split("-").map((x) => Number(x.replace(/ms$/, "")));
  const scenarioId = arg("scenario");
  const mode = (arg("misbehave", "none") ?? "none") as Misbehaviour | "mixed";
  if (!["none", "drop", "leave", "invalid", "mixed"].includes(mode)) throw new Error(`--misbehave must be none, drop, leave, invalid or mixed`);
  if (![min, max].every(Number.isFinite)) throw new Error("--think is MIN-MAX in milliseconds, e.g. 200-800");
  const health = await fetch(`${url}/health`).catch(() => null);
  if (!health?.ok) throw new Error(`No healthy server at ${url} (GET /health).`);

  console.log(`${rooms} room(s) × 3 bots on ${url}, thinking ${min}-${max} ms${mode !== "none" ? `, misbehaving: ${mode}` : ""}`);
  const started = Date.now();
  const statuses = new Map<number, number>();
  const runs = Array.from({ length: rooms }, (_, i) => {
    const misbehaviours: Misbehaviour[] = mode === "mixed" ? [(["none", "drop", "leave", "invalid"] as const)[i % 4], "none", "none"] : [mode as Misbehaviour, "none", "none"];
    return playRoom({
      baseUrl: url,
      prefix: `Bot${i + 1}-`,
      think: [min!, max!],
      room: scenarioId ? { scenarioId } : {},
      misbehaviours,
      onCommand: ({ status }) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
      log: (m) => console.log(`  room ${i + 1}: ${m}`),
    }).then(
      (results) => {
        const phase = results.some((r) => r.phase === "FINISHED") ? "FINISHED" : results[0]!.phase;
        console.log(`  room ${i + 1} (${results[0]!.code}): ${phase}`);
        return { ok: results.some((r) => r.phase === "FINISHED"), errors: results.flatMap((r) => r.errors) };
      },
      (e: unknown) => {
        console.log(`  room ${i + 1}: failed — ${e instanceof Error ? e.message : e}`);
        return { ok: false, errors: [String(e)] };
      },
    );
  });
  const results = await Promise.all(runs);
  const finished = results.filter((r) => r.ok).length;
  const errors = results.flatMap((r) => r.errors);
  console.log(`\n${finished}/${rooms} rooms finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`answers by status: ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(", ")}`);
  if (errors.length) console.log(`errors:\n  ${errors.slice(0, 20).join("\n  ")}`);
  process.exit(finished === rooms && ![...statuses.keys()].some((s) => s >= 500) ? 0 : 1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
