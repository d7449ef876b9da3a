// npm run db:migrate – apply pending SQL migrations (the server also does this at start).
import { withDb } from "./cli-db";

withDb(async () => console.log("database is up to date")).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
