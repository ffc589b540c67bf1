// Talking to the gateway: the OAuth2 password grant, tokens kept in memory only (never in
// localStorage, so a page reload means signing in again), refreshed before they expire,
// revoked at sign-out. Every call goes to the page's own origin.

import { lang } from "./i18n";

export interface Me {
  username: string;
  display_name: string;
  role: string;
  role_label: string;
  division_code: string | null;
  division_name: string | null;
}

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field?: string; message: string }[];
}

export class ApiError extends Error {
  constructor(public problem: Problem) {
    super(problemText(problem));
  }
}

export function problemText(p: Problem): string {
  const parts = [p.title, p.detail].filter(Boolean) as string[];
  for (const e of p.errors ?? []) parts.push(e.field ? `${e.field}：${e.message}` : e.message);
  return parts.join(" — ") || `HTTP ${p.status}`;
}

let access: string | null = null;
let refresh: string | null = null;
let refreshTimer: number | undefined;
let onSignedOut: () => void = () => {};

export const session = { me: null as Me | null };

export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

async function tokenRequest(form: Record<string, string>): Promise<void> {
  const resp = await fetch("/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": lang() },
    body: new URLSearchParams(form),
    credentials: "omit",
  });
  const body = await resp.json().catch(() => ({ status: resp.status }));
  if (!resp.ok) throw new ApiError({ status: resp.status, ...body });
  access = body.access_token;
  refresh = body.refresh_token ?? null;
  window.clearTimeout(refreshTimer);
  // Refresh at four fifths of the lifetime so a long working session is never cut off.
  const lifetime = Math.max(30, Number(body.expires_in) || 900);
  refreshTimer = window.setTimeout(() => void renew().catch(() => signedOut()), lifetime * 800);
}

export async function signIn(username: string, password: string): Promise<Me> {
  await tokenRequest({ grant_type: "password", username, password });
  session.me = await get<Me>("/auth/me");
  return session.me;
}

async function renew(): Promise<void> {
  if (!refresh) throw new Error("no refresh token");
  await tokenRequest({ grant_type: "refresh_token", refresh_token: refresh });
}

export async function signOut(): Promise<void> {
  const token = refresh;
  access = refresh = null;
  session.me = null;
  window.clearTimeout(refreshTimer);
  if (token) {
    await fetch("/auth/revoke", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, token_type_hint: "refresh_token" }),
      credentials: "omit",
    }).catch(() => undefined);
  }
}

function signedOut(): void {
  access = refresh = null;
  session.me = null;
  onSignedOut();
}

export function signedIn(): boolean {
  return access !== null;
}

async function call(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const headers = new Headers(init.headers);
  if (access) headers.set("Authorization", `Bearer ${access}`);
  headers.set("Accept-Language", lang());
  const resp = await fetch(path, { ...init, headers, credentials: "omit" });
  if (resp.status === 401 && refresh && !retried) {
    try {
      await renew();
    } catch {
      signedOut();
      throw new ApiError({ status: 401, title: "登录已失效，请重新登录" });
    }
    return call(path, init, true);
  }
  if (!resp.ok) {
    const body = await resp.json().catch(() => ({}));
    throw new ApiError({ status: resp.status, ...body });
  }
  return resp;
}

export async function get<T>(path: string): Promise<T> {
  return (await call(path)).json() as Promise<T>;
}

export async function send<T>(method: string, path: string, body: unknown, extra: HeadersInit = {}): Promise<T> {
  const headers = new Headers(extra);
  let payload: BodyInit;
  if (body instanceof FormData) payload = body;
  else {
    headers.set("Content-Type", "application/json");
    payload = JSON.stringify(body);
  }
  return (await call(path, { method, headers, body: payload })).json() as Promise<T>;
}

/** A file the API answers (an XLSX report or refused rows), saved through a same-origin blob. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await call(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Every item of a keyset-paged list (the console's lists are a territory's worth, not millions). */
export async function all<T>(path: string, cap = 5000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes("?") ? "&" : "?";
  do {
    const page: Page<T> = await get<Page<T>>(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < cap);
  return items;
}

export interface Report {
  name: string;
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, unknown>[];
}
