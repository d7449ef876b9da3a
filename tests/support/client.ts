import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime-events";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** An HTTP client with a cookie jar that signs in through next-auth's CSRF flow, as a browser does. */
export class ApiClient {
  readonly jar = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  sessionCookie(): string | undefined {
    return this.jar.get("next-auth.session-token") ?? this.jar.get("__Secure-next-auth.session-token");
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async raw(method: string, path: string, init: { json?: unknown; form?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.jar.size) headers.cookie = this.cookieHeader();
    let body: BodyInit | undefined = init.body;
    if (init.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: "manual" });
    this.store(res);
    return res;
  }

  async call<T = any>(method: string, path: string, init: Parameters<ApiClient["raw"]>[2] = {}): Promise<ApiResponse<T>> {
    const res = await this.raw(method, path, init);
    const text = await res.text();
    let body: any = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body };
  }

  get<T = any>(path: string) {
    return this.call<T>("GET", path);
  }
  post<T = any>(path: string, json?: unknown) {
    return this.call<T>("POST", path, { json: json ?? {} });
  }
  put<T = any>(path: string, json: unknown) {
    return this.call<T>("PUT", path, { json });
  }
  patch<T = any>(path: string, json: unknown) {
    return this.call<T>("PATCH", path, { json });
  }
  delete<T = any>(path: string, json?: unknown) {
    return this.call<T>("DELETE", path, json === undefined ? {} : { json });
  }

  async csrf(): Promise<string> {
    const r = await this.get<{ csrfToken: string }>("/api/auth/csrf");
    return r.body.csrfToken;
  }

  /** Posts to a next-auth callback; true when a session cookie came back. */
  async callback(provider: string, fields: Record<string, string>, csrfToken?: string): Promise<boolean> {
    const token = csrfToken ?? (await this.csrf());
    const r = await this.call("POST", `/api/auth/callback/${provider}`, { form: { ...fields, csrfToken: token, json: "true" } });
    return r.status < 400 && !!this.sessionCookie() && !String(r.body?.url ?? "").includes("error=");
  }

  signIn(username: string, password: string) {
    return this.callback("credentials", { username, password });
  }

  signInGuest(nickname: string) {
    return this.callback("guest", { nickname });
  }

  async register(username: string, password: string) {
    return this.post("/api/users", { username, password });
  }

  async signOut(): Promise<void> {
    const token = await this.csrf();
    await this.call("POST", "/api/auth/signout", { form: { csrfToken: token, json: "true" } });
  }

  socket(opts: { origin?: string; autoConnect?: boolean; reconnection?: boolean } = {}): Socket<ServerToClientEvents, ClientToServerEvents> {
    const extraHeaders: Record<string, string> = {};
    if (this.jar.size) extraHeaders.cookie = this.cookieHeader();
    if (opts.origin) extraHeaders.origin = opts.origin;
    return connect(this.baseUrl, { transports: ["websocket"], extraHeaders, forceNew: true, reconnection: opts.reconnection ?? false, reconnectionDelay: 200, autoConnect: opts.autoConnect ?? true });
  }
}

let counter = 0;
/** A username nobody has used in this test run. */
export function uniqueName(prefix = "user"): string {
  return `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.slice(0, 32);
}

/** Resolves when the socket connects, rejects with the connect_error message. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}

/** Emits with an ack and resolves with the ack's answer. */
export function emitAck<T = any>(socket: Socket, event: string, payload: unknown, timeoutMs = 5000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}
