import type { ReactNode } from "react";

/** The centred card of the sign-in, register and consent pages. */
export function AuthPage({ title, subtitle, children, footer, wide = false }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  return (
    <main id="main" className="flex flex-1 flex-col items-center px-4 py-10 sm:px-6 sm:py-16">
      <div className={wide ? "w-full max-w-2xl" : "w-full max-w-md"}>
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200/80 sm:p-8">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
          {subtitle && <p className="mt-2 text-[0.9375rem] leading-relaxed text-slate-600">{subtitle}</p>}
          <div className="mt-6">{children}</div>
        </div>
        {footer && <div className="mt-6 text-center text-sm text-slate-600">{footer}</div>}
      </div>
    </main>
  );
}
