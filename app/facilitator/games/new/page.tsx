import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { EditorPage } from "../../_components/editor-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("facilitator.editor.newTitle") };
}

export default async function NewGamePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ai } = await searchParams;
  return <EditorPage code={null} view="edit" openAi={ai === "1"} justCreated={false} />;
}
