"use client";
// The app's one link component. next/link prefetches every link as it scrolls into view; every Sounding
// route is dynamic and signed-in, so each page view fired ~40–60 prefetch requests (the sidebar, the
// engagement menu twice, sub-navigation), each running the session check, the engagement's access check and
// its layout's queries on the server — most for pages the reader never opens. Here a link prefetches when
// the reader shows intent (pointer over it, or keyboard focus), which is still ahead of the click.
// `prefetch={false}` on a link: never (e.g. downloads).
// eslint-disable-next-line no-restricted-imports -- the one place next/link is used directly
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = ComponentProps<typeof NextLink>;

export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, href, ...rest }: Props) {
  const router = useRouter();
  const url = typeof href === "string" && href.startsWith("/") ? href : null;
  const onIntent = () => {
    if (prefetch !== false && url) router.prefetch(url);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        onIntent();
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        onIntent();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        onIntent();
        onTouchStart?.(e);
      }}
      {...rest}
    />
  );
}
