import { cn } from "./ui/cn";

/** Three seats around one question: the product mark. Decorative. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("size-8 shrink-0", className)} aria-hidden="true">
      <rect width="32" height="32" rx="9" className="fill-brand-600" />
      <path d="M16 9.5 9.5 21h13L16 9.5Z" fill="none" stroke="white" strokeOpacity="0.45" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx="16" cy="9.5" r="3" fill="white" />
      <circle cx="9.5" cy="21.5" r="3" fill="white" />
      <circle cx="22.5" cy="21.5" r="3" fill="white" />
    </svg>
  );
}
