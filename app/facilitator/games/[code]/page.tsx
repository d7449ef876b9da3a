import type { Metadata } from "next";
import { codeFromParam } from "@/components/room/room-logic";
import { getT } from "@/lib/i18n/server";
import { EditorPage } from "../../_components/editor-page";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [t, { code }] = await Promise.all([getT(), params]);
  return { title: t("facilitator.editor.metaTitle", { code: codeFromParam(code) }) };
}

export default async function EditGamePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  // A malformed code is answered by the API as not found; the editor says so.
  return <EditorPage code={codeFromParam(code)} view={query.view === "preview" ? "preview" : "edit"} openAi={false} justCreated={query.created === "1"} />;
}
