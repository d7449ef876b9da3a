// Prints the PostgreSQL DDL that creates prisma/schema.prisma from nothing, in the shape
// Prisma Migrate would write. Prisma's schema engine is not available here, so new
// migrations are written by hand; this output is the reference for the full schema.
// tests/integration/schema-drift.test.ts checks the migrated database against the schema.
//   node scripts/sql-from-schema.mjs > /tmp/full.sql
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { readFileSync } from "node:fs";

const schema = readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
const { datamodel } = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema })));

const q = (s) => `"${s}"`;
const typeOf = (f) =>
  f.kind === "enum"
    ? q(f.type)
    : { String: "TEXT", Int: "INTEGER", BigInt: "BIGINT", Boolean: "BOOLEAN", DateTime: "TIMESTAMP(3)", Json: "JSONB", Float: "DOUBLE PRECISION", Decimal: "DECIMAL(65,30)", Bytes: "BYTEA" }[f.type];
const defaultOf = (f) => {
  const d = f.default;
  if (d === undefined || (typeof d === "object" && d !== null && d.name !== "now")) return "";
  if (typeof d === "object") return " DEFAULT CURRENT_TIMESTAMP";
  if (f.kind === "enum") return ` DEFAULT '${d}'`;
  if (typeof d === "string") return ` DEFAULT '${d.replace(/'/g, "''")}'`;
  return ` DEFAULT ${d}`;
};

const out = [];
for (const e of datamodel.enums) {
  out.push(`-- CreateEnum\nCREATE TYPE ${q(e.name)} AS ENUM (${e.values.map((v) => `'${v.name}'`).join(", ")});\n`);
}
for (const m of datamodel.models) {
  const cols = m.fields
    .filter((f) => f.kind !== "object")
    .map((f) => `    ${q(f.name)} ${typeOf(f)}${f.isRequired ? " NOT NULL" : ""}${defaultOf(f)}`);
  const pk = m.fields.filter((f) => f.isId).map((f) => q(f.name));
  cols.push(`\n    CONSTRAINT ${q(`${m.name}_pkey`)} PRIMARY KEY (${pk.join(",")})`);
  out.push(`-- CreateTable\nCREATE TABLE ${q(m.name)} (\n${cols.join(",\n")}\n);\n`);
}
for (const idx of datamodel.indexes) {
  if (idx.type === "id") continue;
  const fields = idx.fields.map((f) => f.name);
  const name = `${idx.model}_${fields.join("_")}_${idx.type === "unique" ? "key" : "idx"}`;
  out.push(`-- CreateIndex\nCREATE ${idx.type === "unique" ? "UNIQUE " : ""}INDEX ${q(name)} ON ${q(idx.model)}(${fields.map(q).join(", ")});\n`);
}
const action = (a) => ({ Cascade: "CASCADE", SetNull: "SET NULL", Restrict: "RESTRICT", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" })[a];
for (const m of datamodel.models) {
  for (const f of m.fields) {
    if (f.kind !== "object" || !f.relationFromFields?.length) continue;
    const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
    out.push(
      `-- AddForeignKey\nALTER TABLE ${q(m.name)} ADD CONSTRAINT ${q(`${m.name}_${f.relationFromFields.join("_")}_fkey`)} FOREIGN KEY (${f.relationFromFields.map(q).join(", ")}) REFERENCES ${q(f.type)}(${f.relationToFields.map(q).join(", ")}) ON DELETE ${action(onDelete)} ON UPDATE CASCADE;\n`,
    );
  }
}
process.stdout.write(out.join("\n"));
