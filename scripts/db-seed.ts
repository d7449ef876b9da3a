// npm run db:seed – load the built-in scenario library (idempotent; the server also does this at start).
import { seedScenarios } from "../lib/server/services/seed-scenarios";
import { withDb } from "./cli-db";

withDb(async () => {
  const r = await seedScenarios();
  console.log(`scenarios: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
