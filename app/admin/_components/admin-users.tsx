"use client";

import { useEffect, useId, useState } from "react";
import { facilitatorErrorKey } from "@/components/facilitator/errors";
import { SelectField } from "@/components/facilitator/fields";
import { RoleGate } from "@/components/facilitator/role-gate";
import { useLocale, useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";
import { listUsers, setUserRole, type AdminUser } from "@/lib/client/facilitator-api";
import { ROLES, type Me, type Role } from "@/lib/validation/user";
import { adminConflictKey, ROLE_LABEL } from "./admin-logic";

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

type ListState = { status: "loading" } | { status: "error" } | { status: "ready"; users: AdminUser[]; nextCursor: string | null; isLoadingMore: boolean };

export function AdminUsersPage() {
  return (
    <RoleGate roles={["ADMIN"]} returnPath="/admin" titleKey="admin.gate.title" bodyKey="admin.gate.body">
      {(me) => <AdminUsers me={me} />}
    </RoleGate>
  );
}

/** Users, searchable and filtered by role, page by page; an admin changes a user's role in its row. */
function AdminUsers({ me }: { me: Me }) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [moreError, setMoreError] = useState(false);

  // Searching waits for a pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    const controller = new AbortController();
    listUsers({ q: search, role: role || undefined, limit: PAGE_SIZE }, controller.signal).then(
      (page) => setState({ status: "ready", users: page.users, nextCursor: page.nextCursor, isLoadingMore: false }),
      () => !controller.signal.aborted && setState({ status: "error" }),
    );
    return () => controller.abort();
  }, [search, role, attempt]);

  async function loadMore() {
    if (state.status !== "ready" || !state.nextCursor) return;
    setMoreError(false);
    setState({ ...state, isLoadingMore: true });
    try {
      const page = await listUsers({ q: search, role: role || undefined, cursor: state.nextCursor, limit: PAGE_SIZE });
      setState((s) => (s.status === "ready" ? { status: "ready", users: [...s.users, ...page.users.filter((u) => !s.users.some((x) => x.id === u.id))], nextCursor: page.nextCursor, isLoadingMore: false } : s));
    } catch {
      setMoreError(true);
      setState((s) => (s.status === "ready" ? { ...s, isLoadingMore: false } : s));
    }
  }

  const replace = (user: AdminUser) => setState((s) => (s.status === "ready" ? { ...s, users: s.users.map((u) => (u.id === user.id ? user : u)) } : s));

  return (
    <main id="main" className="flex-1">
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        <header>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("admin.title")}</h1>
          <p className="mt-2 max-w-2xl text-slate-600">{t("admin.intro")}</p>
        </header>

        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(query);
          }}
          className="mt-6 grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80 sm:grid-cols-[minmax(0,1fr)_14rem] sm:p-5"
        >
          <TextField
            label={t("admin.search")}
            hint={t("admin.searchHint")}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField label={t("admin.filterRole")} value={role} onChange={(v) => setRole((ROLES as readonly string[]).includes(v) ? (v as Role) : "")}>
            <option value="">{t("admin.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </SelectField>
        </form>

        <div className="mt-6">
          {state.status === "loading" && (
            <p role="status" className="flex items-center gap-2 text-slate-500">
              <Spinner />
              {t("common.loading")}
            </p>
          )}
          {state.status === "error" && (
            <div className="flex flex-col items-start gap-3">
              <Alert className="w-full">{t("admin.loadError")}</Alert>
              <Button variant="secondary" onClick={() => (setState({ status: "loading" }), setAttempt((a) => a + 1))}>
                {t("common.retry")}
              </Button>
            </div>
          )}
          {state.status === "ready" && state.users.length === 0 && <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("admin.empty")}</p>}
          {state.status === "ready" && state.users.length > 0 && (
            <>
              <p className="mb-3 text-sm text-slate-600" role="status">
                {t("admin.shown", { n: state.users.length })}
              </p>
              <div className="lg:overflow-hidden lg:rounded-2xl lg:bg-white lg:shadow-sm lg:ring-1 lg:ring-slate-200/80">
                <table role="table" className="block w-full text-left text-sm lg:table">
                  <caption className="sr-only">{t("admin.tableCaption")}</caption>
                  <thead role="rowgroup" className="hidden bg-slate-50 text-xs text-slate-500 lg:table-header-group">
                    <tr role="row">
                      <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
                        {t("admin.col.user")}
                      </th>
                      <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
                        {t("admin.col.code")}
                      </th>
                      <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
                        {t("admin.col.created")}
                      </th>
                      <th role="columnheader" scope="col" className="w-[34%] px-4 py-2.5 font-medium">
                        {t("admin.col.role")}
                      </th>
                    </tr>
                  </thead>
                  <tbody role="rowgroup" className="flex flex-col gap-3 lg:table-row-group">
                    {state.users.map((u) => (
                      <UserRow key={u.id} user={u} isMe={u.id === me.id} onChange={replace} />
                    ))}
                  </tbody>
                </table>
              </div>
              {state.nextCursor && (
                <div className="mt-5 flex flex-col items-center gap-2">
                  <Button variant="secondary" onClick={() => void loadMore()} isLoading={state.isLoadingMore}>
                    {t("admin.loadMore")}
                  </Button>
                  <Alert>{moreError ? t("admin.loadError") : null}</Alert>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </main>
  );
}

function UserRow({ user, isMe, onChange }: { user: AdminUser; isMe: boolean; onChange(user: AdminUser): void }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [picked, setPicked] = useState<Role>(user.role);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<{ key: MessageKey } | { text: string } | null>(null);
  const [done, setDone] = useState(false);
  const created = new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(user.createdAt));
  const locked = user.isGuest || isMe;
  const who = user.username ?? user.nickname;

  async function save() {
    setIsSaving(true);
    setError(null);
    setDone(false);
    try {
      const updated = await setUserRole(user.id, picked);
      onChange(updated);
      setPicked(updated.role);
      setDone(true);
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        const key = adminConflictKey(user);
        setError(key ? { key } : { text: e.message });
      } else setError({ key: facilitatorErrorKey(e) });
      setPicked(user.role);
    } finally {
      setIsSaving(false);
    }
  }

  const cell = "block lg:table-cell lg:border-t lg:border-slate-100 lg:px-4 lg:py-3 lg:align-middle";
  const mobileLabel = "text-xs font-medium text-slate-500 lg:hidden";
  return (
    <tr role="row" data-testid={`user-${user.username ?? user.id}`} className="block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80 lg:table-row lg:rounded-none lg:p-0 lg:shadow-none lg:ring-0">
      <td role="cell" className={cell}>
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-slate-900">{user.nickname}</span>
          {user.isGuest && <Badge tone="amber">{t("header.guest")}</Badge>}
          {isMe && <Badge tone="brand">{t("admin.you")}</Badge>}
        </p>
        <p className="text-slate-500">{user.username ? `@${user.username}` : t("admin.noUsername")}</p>
      </td>
      <td role="cell" className={cn(cell, "mt-2 lg:mt-0")}>
        <span className={mobileLabel}>{t("admin.col.code")} </span>
        <span className="font-mono text-xs text-slate-700">{user.participantCode}</span>
      </td>
      <td role="cell" className={cell}>
        <span className={mobileLabel}>{t("admin.col.created")} </span>
        <span className="text-slate-700">{created}</span>
      </td>
      <td role="cell" className={cn(cell, "mt-3 border-t border-slate-100 pt-3 lg:mt-0")}>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-role`} className="sr-only">
            {t("admin.roleFor", { name: who })}
          </label>
          <select
            id={`${id}-role`}
            value={picked}
            disabled={locked || isSaving}
            aria-describedby={locked ? `${id}-locked` : undefined}
            onChange={(e) => {
              setPicked(e.target.value as Role);
              setDone(false);
              setError(null);
            }}
            className="h-9 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2.5 text-sm text-slate-900 focus:border-brand-600 focus:ring-4 focus:ring-brand-100 focus:outline-none disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 sm:max-w-[11rem]"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
          {!locked && (
            <Button size="sm" variant={picked !== user.role ? "primary" : "secondary"} disabled={picked === user.role} isLoading={isSaving} onClick={() => void save()}>
              {t("admin.change")}
              <span className="sr-only"> – {who}</span>
            </Button>
          )}
        </div>
        {locked && (
          <p id={`${id}-locked`} className="mt-1 text-xs text-slate-500">
            {user.isGuest ? t("admin.guestLocked") : t("admin.selfLocked")}
          </p>
        )}
        <p className="mt-1 text-xs text-emerald-700 empty:hidden" role="status">
          {done ? t("admin.changed", { role: t(ROLE_LABEL[user.role]) }) : ""}
        </p>
        <Alert className="mt-1 px-3 py-2 text-xs">{error ? ("key" in error ? t(error.key) : error.text) : null}</Alert>
      </td>
    </tr>
  );
}
