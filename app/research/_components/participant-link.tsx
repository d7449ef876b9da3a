import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A pseudonymous participant code, linking to that participant's games. */
export function ParticipantLink({ code, className }: { code: string; className?: string }) {
  return (
    <Link
      href={`/research/participants/${code}`}
      className={cn("font-mono font-semibold tracking-wide text-brand-700 underline-offset-4 hover:underline", className)}
      data-testid="participant-code"
    >
      {code}
    </Link>
  );
}
