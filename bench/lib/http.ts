/**
 * A cookie-keeping HTTP client for the public API, signing in as a guest through next-auth's
 * CSRF flow the way a browser (and lib/bots/bot.ts) does.
 */

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export class HttpSession {
  private readonly cookies = new Map<string, string>();
  userId = "";

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many routes; callers read the fields they know
  async call<T = any>(method: string, path: string, body?: unknown, form?: Record<string, string>): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(form).toString();
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      const value = pair!.slice(i + 1);
      if (value) this.cookies.set(pair!.slice(0, i), value);
      else this.cookies.delete(pair!.slice(0, i));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  }

  /**
   * The same call, tried again after a pause when there was no answer at all (a reset
   * connection, a server too busy to accept): for reads and sign-ins after a run, not for moves.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as call()
  async patient<T = any>(method: string, path: string, body?: unknown, form?: Record<string, string>, attempts = 5): Promise<Answer<T>> {
    for (let i = 1; ; i++) {
      try {
        return await this.call<T>(method, path, body, form);
      } catch (e) {
        if (i >= attempts) throw e;
        await new Promise((r) => setTimeout(r, 1000 * i));
      }
    }
  }

  /** A new guest account, signed in; sets userId. */
  async signInGuest(nickname: string): Promise<this> {
    const csrf = await this.call<{ csrfToken: string }>("GET", "/api/auth/csrf");
    await this.call("POST", "/api/auth/callback/guest", undefined, { nickname, csrfToken: csrf.body.csrfToken, json: "true" });
    const me = await this.call<{ id: string }>("GET", "/api/users/me");
    if (me.status !== 200) throw new Error(`guest sign-in of ${nickname} failed (${me.status})`);
    this.userId = me.body.id;
    return this;
  }

  /** Signs in with a username and password (the admin the bench server is started with). */
  async signIn(username: string, password: string): Promise<this> {
    const csrf = await this.patient<{ csrfToken: string }>("GET", "/api/auth/csrf");
    await this.patient("POST", "/api/auth/callback/credentials", undefined, { username, password, csrfToken: csrf.body.csrfToken, json: "true" });
    const me = await this.patient<{ id: string }>("GET", "/api/users/me");
    if (me.status !== 200) throw new Error(`sign-in of ${username} failed (${me.status})`);
    this.userId = me.body.id;
    return this;
  }
}
