import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible server for tests (the real `openai` client talks to it):
 * POST /v1/chat/completions answers the next scripted reply, in the chat-completion shape,
 * with token usage; POST /v1/audio/transcriptions (multipart) answers `{ text }` from its own
 * queue. Every request body is kept for assertions.
 */
export interface FakeReply {
  /** The assistant message content (usually a JSON string). */
  content?: string;
  /** Answer with this HTTP status and an error body instead. */
  status?: number;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export interface FakeOpenAI {
  url: string;
  requests: { model: string; messages: { role: string; content: string }[]; response_format?: unknown }[];
  /** Replies used in order; when empty, `fallback` answers. */
  queue: FakeReply[];
  fallback: FakeReply;
  /** Transcription requests: the multipart fields and the uploaded file's bytes. */
  transcriptions: { model: string; language: string | null; filename: string; type: string; bytes: Buffer }[];
  /** Transcription replies in order (`content` is the text); when empty, `transcriptionFallback`. */
  transcriptionQueue: FakeReply[];
  transcriptionFallback: FakeReply;
  close(): Promise<void>;
}

async function answerTranscription(fake: FakeOpenAI, req: IncomingMessage, body: Buffer, res: ServerResponse) {
  const form = await new Request("http://fake/", { method: "POST", headers: { "content-type": String(req.headers["content-type"]) }, body: new Uint8Array(body) }).formData();
  const file = form.get("file");
  if (!(file instanceof File)) {
    res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "file is required" } }));
    return;
  }
  fake.transcriptions.push({ model: String(form.get("model")), language: form.get("language") === null ? null : String(form.get("language")), filename: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) });
  const reply = fake.transcriptionQueue.shift() ?? fake.transcriptionFallback;
  setTimeout(() => {
    if (res.destroyed) return;
    if (reply.status && reply.status >= 400) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "scripted failure", type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ text: reply.content ?? "" }));
  }, reply.delayMs ?? 0);
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { url: "", requests: [], queue: [], fallback: { status: 500 }, transcriptions: [], transcriptionQueue: [], transcriptionFallback: { status: 500 }, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (d: Buffer) => parts.push(d));
    req.on("end", () => {
      const raw = Buffer.concat(parts);
      const body = raw.toString("utf8");
      if (req.method === "POST" && req.url?.endsWith("/audio/transcriptions")) {
        answerTranscription(fake, req, raw, res).catch((e: unknown) => res.writeHead(400).end(String(e)));
        return;
      }
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const parsed = JSON.parse(body);
      fake.requests.push(parsed);
      const reply = fake.queue.shift() ?? fake.fallback;
      setTimeout(() => {
        if (res.destroyed) return;
        if (reply.status && reply.status >= 400) {
          res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "scripted failure", type: "server_error" } }));
          return;
        }
        const content = reply.content ?? "{}";
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: `chatcmpl-${fake.requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: parsed.model,
            choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
            usage: { prompt_tokens: 100 + fake.requests.length, completion_tokens: Math.ceil(content.length / 4), total_tokens: 100 + Math.ceil(content.length / 4) },
          }),
        );
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
