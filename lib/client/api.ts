/** An error answer from the API (`{ error: { code, message, details? } }`), with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the app's own API with the session cookie and returns the parsed JSON body.
 * Throws ApiError for an error answer; a network failure rejects with the fetch error.
 */
export async function apiFetch<T>(path: string, { method = "GET", body, signal }: ApiRequest = {}): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof error?.code === "string" ? error.code : `HTTP_${res.status}`,
      typeof error?.message === "string" ? error.message : res.statusText,
      error?.details,
    );
  }
  return data as T;
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
