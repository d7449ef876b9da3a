import WebSocket from "ws";
import { eventually } from "./game";
import type { TestServer } from "./server";

/**
 * The V8 inspector of a test server started with NODE_OPTIONS=--inspect=127.0.0.1:0: lets a
 * test collect garbage in the server and read values from inside it (e.g. the heap that
 * survives a full collection), which no HTTP endpoint should offer.
 */
export interface Inspector {
  /** Runs a full garbage collection in the server. */
  collectGarbage(): Promise<void>;
  /** Evaluates an expression in the server's main context and answers its (JSON) value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): void;
}

export async function inspect(server: TestServer): Promise<Inspector> {
  const url = await eventually(() => {
    const m = /Debugger listening on (ws:\/\/\S+)/.exec(server.output());
    if (!m) throw new Error("the server was not started with --inspect");
    return m[1]!;
  }, 10_000);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on("message", (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) p?.reject(new Error(msg.error.message));
    else p?.resolve(msg.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    collectGarbage: async () => {
      await call("HeapProfiler.collectGarbage");
    },
    evaluate: async <T>(expression: string) => {
      const r = (await call("Runtime.evaluate", { expression, returnByValue: true })) as { result: { value: T }; exceptionDetails?: unknown };
      if (r.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(r.exceptionDetails)}`);
      return r.result.value;
    },
    close: () => socket.close(),
  };
}
