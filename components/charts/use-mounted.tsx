"use client";
// Charts render in the browser only: recharts measures its container and numbers its SVG ids at render
// time, so a server-rendered chart never matches the client's first render (React hydration error 418,
// which throws away the server HTML of the whole boundary). Until mounted, a placeholder of the chart's
// height keeps the layout still.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useMounted(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

export function ChartPlaceholder({ height }: { height: number }) {
  return <div style={{ height }} className="w-full animate-pulse rounded-md bg-ink-50" aria-hidden />;
}
