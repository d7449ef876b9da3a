import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  DATABASE_URL: optionalString,
  REDIS_URL: optionalString,
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  APP_ORIGINS: optionalString,
  ADMIN_USERNAME: optionalString,
  ADMIN_PASSWORD: optionalString,
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  SEED_ON_START: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("true")),
  BCRYPT_COST: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(12).max(15).default(12)),
  /** How long a dropped socket can come back with its rooms and missed events (0: never; one instance only). */
  SOCKET_RECOVERY_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(600).default(30)),
  SOCKET_EVENTS_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).default(40)),
  /** Events one user may send per second over all their sockets; unset: twice SOCKET_EVENTS_PER_SECOND. */
  SOCKET_USER_EVENTS_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).optional()),
  /** Sockets one user may hold open at once (across instances with Redis). */
  SOCKETS_PER_USER: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(10)),
  ...roomTimingEnv(),
});

/** Room settings whose server-wide default comes from the environment (a room's own settings override them). */
function roomTimingEnv() {
  return {
    /** A started room nobody has been present in ends as abandoned after this long. */
    ROOM_ABANDON_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(7 * 86_400).default(600)),
    /** How long "Are you still there?" waits for an answer; 0 never asks. */
    CHECK_IN_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(3600).default(60)),
  };
}

/** The room settings' defaults this server takes from its environment (readEnv refuses to start on bad values). */
export function roomSettingDefaults(source: NodeJS.ProcessEnv = process.env): { abandonSeconds: number; checkInSeconds: number } {
  const parsed = z.object(roomTimingEnv()).safeParse(source);
  const v = parsed.success ? parsed.data : z.object(roomTimingEnv()).parse({});
  return { abandonSeconds: v.ROOM_ABANDON_SECONDS, checkInSeconds: v.CHECK_IN_SECONDS };
}

// S3-compatible storage for recordings (lib/server/storage/s3-store.ts). Unset: local disk.
// Any S3_* variable set makes it S3, and then the bucket and keys are required (a partial
// configuration refuses to start rather than quietly writing to disk).
const s3EnvSchema = z
  .object({
    S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, "a bucket name (letters, digits, dots, hyphens)").optional()),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. https://<account>.r2.cloudflarestorage.com" }).optional()),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9-]{1,64}$/, "a region, e.g. eu-central-1").optional()),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).optional()),
    S3_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/, "path segments of letters, digits, dots, hyphens, underscores (e.g. aedg/recordings/)").refine((v) => !v.split("/").some((seg) => seg === "." || seg === ".."), "no . or .. segments").optional()),
  })
  .superRefine((v, ctx) => {
    if (Object.values(v).every((x) => x === undefined)) return;
    const required: (keyof typeof v)[] = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", ...(v.S3_ENDPOINT ? [] : ["S3_REGION" as const])];
    for (const key of required) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: `required once any S3_* variable is set (S3 storage for recordings${key === "S3_REGION" ? "; or set S3_ENDPOINT" : ""})` });
    }
  });

/** Where recordings go when S3_* is set: a bucket on AWS S3 or on any S3-compatible service. */
export interface S3Config {
  bucket: string;
  /** The service's base URL; AWS's regional endpoint when S3_ENDPOINT is unset. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint host>/<key>`; the default with S3_ENDPOINT. */
  forcePathStyle: boolean;
  /** Put before every key: "" or ending in "/". */
  prefix: string;
}

function s3Config(v: z.infer<typeof s3EnvSchema>): S3Config | null {
  if (!v.S3_BUCKET || !v.S3_ACCESS_KEY_ID || !v.S3_SECRET_ACCESS_KEY) return null;
  const region = v.S3_REGION ?? "us-east-1";
  const prefix = v.S3_PREFIX ? v.S3_PREFIX.replace(/\/?$/, "/") : "";
  return {
    bucket: v.S3_BUCKET,
    endpoint: (v.S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, ""),
    region,
    accessKeyId: v.S3_ACCESS_KEY_ID,
    secretAccessKey: v.S3_SECRET_ACCESS_KEY,
    forcePathStyle: v.S3_FORCE_PATH_STYLE ? v.S3_FORCE_PATH_STYLE === "true" : Boolean(v.S3_ENDPOINT),
    prefix,
  };
}

export type Env = z.infer<typeof envSchema> & { dataDir: string; s3: S3Config | null };

/** Reads and validates the environment; throws with every problem listed. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  const s3 = s3EnvSchema.safeParse(source);
  if (!parsed.success || !s3.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(s3.error?.issues ?? [])];
    const lines = issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), s3: s3Config(s3.data) };
}
