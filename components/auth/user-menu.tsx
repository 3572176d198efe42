"use client";
import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { signOut, getSession } from "next-auth/react";
import { LogOut, Users, ChevronDown, MonitorX } from "lucide-react";
import type { ActionResult } from "@/lib/errors";
import { toast } from "sonner";

export function UserMenu({ name, email, isOrgAdmin, signOutEverywhere }: { name: string; email: string; isOrgAdmin: boolean; signOutEverywhere: () => Promise<ActionResult> }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function onDoc(e: MouseEvent) {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") setOpen(false);
    }
    document.addEventListener("mousedown", onDoc);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDoc);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  const initials = name.split(/\s+/).map((p) => p[0]).join("").slice(0, 2).toUpperCase();
  return (
    <div className="relative" ref={ref}>
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-haspopup="menu" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-white/90 hover:bg-white/10">
        <span className="flex size-7 items-center justify-center rounded-full bg-white/15 text-xs font-semibold">{initials}</span>
        <span className="hidden sm:inline">{name}</span>
        <ChevronDown className="size-4" aria-hidden />
      </button>
      {open ? (
        <div role="menu" className="absolute right-0 z-30 mt-2 w-64 rounded-md bg-white py-1 text-sm text-ink-800 shadow-lg ring-1 ring-ink-200">
          <div className="border-b border-ink-100 px-3 py-2">
            <div className="font-medium">{name}</div>
            <div className="truncate text-xs text-ink-500">{email}</div>
          </div>
          {isOrgAdmin ? (
            <Link role="menuitem" href="/admin/users" className="flex items-center gap-2 px-3 py-2 hover:bg-ink-50" onClick={() => setOpen(false)}>
              <Users className="size-4" aria-hidden /> Users of your firm
            </Link>
          ) : null}
          <button
            role="menuitem"
            type="button"
            className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-ink-50"
            onClick={async () => {
              const res = await signOutEverywhere();
              if (!res.ok) toast.error(res.message);
              await signOut({ callbackUrl: "/sign-in" });
            }}
          >
            <MonitorX className="size-4" aria-hidden /> Sign out everywhere
          </button>
          <button role="menuitem" type="button" className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-ink-50" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
            <LogOut className="size-4" aria-hidden /> Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Keeps the session's idle timer honest: it is refreshed by real activity, at most once a minute. */
export function SessionKeepAlive() {
  const router = useRouter();
  useEffect(() => {
    let last = 0;
    function onActivity() {
      const now = Date.now();
      if (now - last < 60_000) return;
      last = now;
      void getSession().then((s) => {
        if (!s?.user?.id) router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
      });
    }
    window.addEventListener("keydown", onActivity);
    window.addEventListener("pointerdown", onActivity);
    return () => {
      window.removeEventListener("keydown", onActivity);
      window.removeEventListener("pointerdown", onActivity);
    };
  }, [router]);
  return null;
}
