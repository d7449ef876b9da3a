import { z } from "zod";
import { ERROR_STATUS } from "../errors";
import { ROUTES, type RouteDoc } from "./routes";

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends for this zod schema. */
function schemaOf(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete out.$schema;
  return out;
}

const errorSchema: Json = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string", enum: Object.keys(ERROR_STATUS) }, message: { type: "string" }, details: {} },
    },
  },
};

const STANDARD_ERRORS: Record<number, string> = {
  400: "Invalid input.",
  401: "No session.",
  403: "Not allowed.",
  404: "Not found, or not yours.",
  409: "Conflicts with the current state.",
  413: "Too large.",
  415: "Wrong media type.",
  429: "Rate limited (see Retry-After).",
  502: "The AI service failed.",
  503: "Unavailable (database or AI off).",
};

function parametersOf(route: RouteDoc): Json[] {
  const params: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (route.query) {
    const q = schemaOf(route.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) params.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
  }
  return params;
}

function operation(route: RouteDoc): Json {
  const success = route.success ?? { status: 200, description: "OK." };
  const responses: Json = {
    [success.status]: {
      description: success.description,
      ...(success.status !== 204 && { content: { [success.contentType ?? "application/json"]: { schema: {} } } }),
    },
  };
  const errors = new Set([400, ...(route.access === "public" ? [] : [401]), ...(route.access !== "public" && route.access !== "session" ? [403] : []), ...(route.path.includes("{") ? [404] : []), ...(route.errors ?? [])]);
  for (const status of [...errors].sort()) responses[status] = { description: STANDARD_ERRORS[status] ?? "Error.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  const bodyContentType = { json: "application/json", form: "application/x-www-form-urlencoded", multipart: "multipart/form-data" }[route.bodyType ?? "json"];
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    ...(route.access === "public" ? { security: [] } : {}),
    ...(route.access !== "public" && route.access !== "session" && { "x-required-role": route.access }),
    parameters: parametersOf(route),
    ...(route.body && { requestBody: { required: true, content: { [bodyContentType]: { schema: schemaOf(route.body) } } } }),
    responses,
  };
}

/** The OpenAPI 3.1 document of the REST API, generated from the route list and its zod schemas. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "AI Ethics Dilemma Game API",
      version: "1.0.0",
      description:
        "REST commands of the game. Errors are { error: { code, message } } with a 4xx status for bad input. Mutating game commands take an optional opId: a retry with the same opId answers the first answer again. Live state, chat and voice signalling go over Socket.IO at /socket.io (see lib/realtime-events.ts).",
    },
    servers: [{ url: "/" }],
    security: [{ sessionCookie: [] }],
    components: {
      securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "next-auth session (sign in through /api/auth/callback/*). Behind HTTPS the cookie is __Secure-next-auth.session-token." } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
