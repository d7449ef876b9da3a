// Side effect only: what simple-peer and its dependencies (readable-stream, randombytes) expect
// of Node in the browser bundle. Imported by ./peer.ts before simple-peer itself loads.
import { Buffer } from "buffer";
import processPolyfill from "process";

type NextTick = (fn: (...args: unknown[]) => void, ...args: unknown[]) => void;
const g = globalThis as unknown as {
  global?: unknown;
  Buffer?: unknown;
  process?: { nextTick?: NextTick; env?: Record<string, string | undefined>; browser?: boolean };
};

g.global ??= globalThis;
g.Buffer ??= Buffer;
g.process ??= processPolyfill as unknown as NonNullable<typeof g.process>;
// Next.js ships a `process` with `env` only; readable-stream needs nextTick.
if (typeof g.process.nextTick !== "function") g.process.nextTick = (fn, ...args) => queueMicrotask(() => fn(...args));
g.process.env ??= {};

export {};
