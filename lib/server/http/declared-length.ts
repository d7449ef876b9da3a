import type { ServerResponse } from "node:http";

/**
 * Next.js drops a Content-Length a route handler sets (it forwards no framing headers), so a
 * download would always go out chunked and a browser could not show how far it has come. A
 * handler that knows its body's exact size names it in this header instead; the HTTP server
 * turns it back into Content-Length as the headers go out.
 */
export const DECLARED_LENGTH_HEADER = "x-declared-content-length";

/**
 * Makes `res` send the declared length as Content-Length, unless the body is being encoded
 * (compressed), which changes its size. The internal header never reaches the client.
 */
export function restoreDeclaredLength(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const declared = this.getHeader(DECLARED_LENGTH_HEADER);
    if (declared !== undefined) {
      this.removeHeader(DECLARED_LENGTH_HEADER);
      if (/^\d{1,15}$/.test(String(declared)) && !this.getHeader("content-encoding") && !this.hasHeader("content-length")) this.setHeader("Content-Length", String(declared));
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
