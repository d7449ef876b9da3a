import type { ReactNode } from "react";
import { codeFromParam } from "@/components/room/room-logic";
import { RoomShell } from "@/components/room/room-shell";

// The room's frame (sync, header, seats, chat, sharing, host controls) stays mounted across its pages.
export default async function RoomLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const code = codeFromParam((await params).code);
  // Another room is another shell: nothing of the previous room's state carries over.
  return (
    <RoomShell key={code} code={code}>
      {children}
    </RoomShell>
  );
}
