import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locale";
import { createTranslator, messages, type Messages, type Translate } from "./messages";

/** The request's UI language (server components, route handlers): cookie, then Accept-Language, then English. */
export async function getLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

/** The dictionary for the request's language. */
export async function getMessages(): Promise<Messages> {
  return messages[await getLocale()];
}

/** A `t(key, values)` for the request's language. */
export async function getT(): Promise<Translate> {
  return createTranslator(await getLocale());
}
