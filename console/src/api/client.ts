import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Where the bearer token lives between page loads (the tab's session only). */
const TOKEN_KEY = 'ipexpert.token';

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let language = 'zh';
let onExpired: () => void = () => {};

export function setToken(next: string | null) {
  token = next;
  if (next) sessionStorage.setItem(TOKEN_KEY, next);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function currentToken(): string | null {
  return token;
}

export function setApiLanguage(lang: string) {
  language = lang === 'en' ? 'en' : 'zh-CN';
}

/** Called once a request answers 401 with a token set: the session has expired. */
export function onSessionExpired(handler: () => void) {
  onExpired = handler;
}

export function notifyExpired() {
  if (token) onExpired();
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) request.headers.set(name, value);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && token && !request.url.endsWith('/auth/login')) onExpired();
    return response;
  },
};

/** The typed API client, generated from the OpenAPI description (src/api/schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  // looked up at call time, so tests can stand a fake server in for it
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(auth);

/** An API error as the contract shapes it: {code, status: "error", error: {type, message}}. */
export class ApiError extends Error {
  constructor(readonly code: number, readonly type: string, message: string) {
    super(message);
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError with the server's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as { code?: number; error?: { type?: string; message?: string } } | undefined;
    throw new ApiError(body?.code ?? result.response.status, body?.error?.type ?? 'ERROR',
      body?.error?.message ?? result.response.statusText);
  }
  return result.data as T;
}
