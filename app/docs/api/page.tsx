import type { Metadata } from "next";
import { ROUTES } from "@/lib/server/openapi/routes";
import { openApiDocument } from "@/lib/server/openapi/document";

export const metadata: Metadata = { title: "API" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-blue-100 text-blue-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

/** The REST API, rendered from the same OpenAPI document `/api/openapi.json` serves. */
export default function ApiDocsPage() {
  const doc = openApiDocument() as { info: { description: string }; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters: { name: string; in: string; required: boolean }[] }>> };
  const tags = [...new Set(ROUTES.map((r) => r.tag))];
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">API</h1>
      <p className="mt-3 max-w-3xl text-slate-600">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable:{" "}
        <a className="font-medium text-brand-600 underline" href="/api/openapi.json">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      {tags.map((tag) => (
        <section key={tag} className="mt-10">
          <h2 className="text-xl font-semibold capitalize">{tag}</h2>
          <ul className="mt-3 space-y-3">
            {ROUTES.filter((r) => r.tag === tag).map((r) => {
              const op = doc.paths[r.path]?.[r.method];
              const body = op?.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
              return (
                <li key={`${r.method} ${r.path}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[r.method]}`}>{r.method}</span>
                    <code className="font-mono text-sm break-all">{r.path}</code>
                    <span className="ml-auto rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{r.access === "public" ? "no sign-in" : r.access === "session" ? "signed in" : r.access.toLowerCase()}</span>
                  </div>
                  <p className="mt-2 text-sm text-slate-700">{r.summary}</p>
                  {op?.parameters.some((p) => p.in === "query") && (
                    <p className="mt-1 text-xs text-slate-500">
                      Query:{" "}
                      {op.parameters
                        .filter((p) => p.in === "query")
                        .map((p) => p.name + (p.required ? "" : "?"))
                        .join(", ")}
                    </p>
                  )}
                  {body && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-xs font-medium text-slate-600">Body ({body[0]})</summary>
                      <pre className="mt-2 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(body[1].schema, null, 2)}</pre>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
