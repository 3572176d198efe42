"use client";
// The clinical review queue: a list of workflow items (left) and the selected item with its comment
// thread and verdict controls (right). Keyboard: J/K or ↓/↑ move through the list, A approves,
// R requests changes, C writes a comment (when focus is not in a text field).
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent, type Ref } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { AlertTriangle, CheckCircle2, MessageSquare, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ReviewStatusBadge, VerdictBadge } from "@/components/workflow-review/review-badges";
import type { ActionResult } from "@/lib/errors";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, WORKFLOW_KIND_LABELS } from "@/lib/inventories/labels";
import {
  REVIEW_FILTERS,
  REVIEW_FILTER_LABELS,
  WorkflowCommentSchema,
  WorkflowReviewSchema,
  type ReviewCounts,
  type ReviewFilter,
  type ReviewItemDto,
} from "@/lib/workflow-review/schema";

type Act<T> = (input: unknown) => Promise<ActionResult<T>>;

export type ReviewQueueProps = {
  engagementId: string;
  items: ReviewItemDto[];
  counts: ReviewCounts;
  filter: { status: ReviewFilter; q?: string };
  page: number;
  pageCount: number;
  total: number;
  /** path of the review page, for filter and page links (e.g. /engagements/x/workflows/review) */
  basePath: string;
  canComment: boolean;
  canApprove: boolean;
  commentAction: Act<{ commentId: string }>;
  reviewAction: Act<{ commentId: string; version: number; reviewStatus: string }>;
  /** open on this item when it is on the page (a notification's link) */
  initialItemId?: string;
};

function hrefFor(basePath: string, params: { status?: ReviewFilter; q?: string; page?: number }) {
  const sp = new URLSearchParams();
  if (params.status) sp.set("status", params.status); // always explicit: the page's default depends on the role
  if (params.q) sp.set("q", params.q);
  if (params.page && params.page > 1) sp.set("page", String(params.page));
  const s = sp.toString();
  return s ? `${basePath}?${s}` : basePath;
}

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

export function ReviewQueue(props: ReviewQueueProps) {
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>((props.items.find((i) => i.id === props.initialItemId) ?? props.items[0])?.id ?? null);
  // falls back to the first item when the selection left the page (after a refresh or a filter change)
  const selected = useMemo(() => props.items.find((i) => i.id === selectedId) ?? props.items[0] ?? null, [props.items, selectedId]);
  const listRef = useRef<HTMLUListElement>(null);
  const detailRef = useRef<ReviewDetailHandle | null>(null);

  const move = useCallback(
    (delta: number) => {
      if (!props.items.length) return;
      const idx = Math.max(0, props.items.findIndex((i) => i.id === selected?.id));
      const next = props.items[Math.min(props.items.length - 1, Math.max(0, idx + delta))]!;
      setSelectedId(next.id);
      listRef.current?.querySelector<HTMLElement>(`[data-item-id="${next.id}"]`)?.focus();
    },
    [props.items, selected],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === "j" || (k === "arrowdown" && listRef.current?.contains(document.activeElement))) { e.preventDefault(); move(1); }
      else if (k === "k" || (k === "arrowup" && listRef.current?.contains(document.activeElement))) { e.preventDefault(); move(-1); }
      else if (k === "a" && props.canApprove) { e.preventDefault(); void detailRef.current?.approve(); }
      else if (k === "r" && props.canApprove) { e.preventDefault(); detailRef.current?.startRequestChanges(); }
      else if (k === "c" && props.canComment) { e.preventDefault(); detailRef.current?.startComment(); }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move, props.canApprove, props.canComment]);

  /** After a verdict: the next item that still needs a look, on this page. */
  function advanceFrom(id: string) {
    const idx = props.items.findIndex((i) => i.id === id);
    const next = props.items.slice(idx + 1).find((i) => i.reviewStatus !== "approved" || i.isChangedSinceApproval);
    if (next) setSelectedId(next.id);
  }

  function select(id: string) {
    setSelectedId(id);
    // on a phone the item opens below the list: bring it into view
    if (typeof window !== "undefined" && window.matchMedia("(max-width: 1023px)").matches) {
      requestAnimationFrame(() => document.getElementById("review-detail")?.scrollIntoView({ block: "start" }));
    }
  }

  const selectedIndex = selected ? props.items.findIndex((i) => i.id === selected.id) : -1;

  return (
    <div className={cn("space-y-4", selected && props.canApprove && "pb-20 lg:pb-0")}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Filter by review status">
          <ul className="flex flex-wrap gap-1.5">
            {REVIEW_FILTERS.map((f) => {
              const active = props.filter.status === f;
              return (
                <li key={f}>
                  <Link
                    href={hrefFor(props.basePath, { status: f, q: props.filter.q })}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                      active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-ink-700 ring-ink-200 hover:bg-ink-50",
                      f === "changed_since_approval" && !active && props.counts[f] > 0 && "ring-amber-300 text-amber-900",
                    )}
                  >
                    {REVIEW_FILTER_LABELS[f]}
                    <span className={cn("tabular text-xs", active ? "text-brand-100" : "text-ink-500")}>{formatNumber(props.counts[f])}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form role="search" action={props.basePath} method="get" className="flex items-center gap-2">
          <input type="hidden" name="status" value={props.filter.status} />
          <label htmlFor="review-q" className="sr-only">Search workflow items</label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-ink-400" aria-hidden />
            <input id="review-q" name="q" type="search" defaultValue={props.filter.q ?? ""} placeholder="Search name, department, notes" className={cn(controlClass, "w-64 pl-8")} />
          </div>
          <Button type="submit" variant="secondary" size="md">Search</Button>
        </form>
      </div>

      {props.items.length === 0 ? (
        <EmptyState title={props.counts.all === 0 ? "No workflow items yet" : "Nothing matches this filter"} icon={<CheckCircle2 className="size-8" />}>
          {props.counts.all === 0
            ? "Once consultants add order sets, alerts, routing rules and templates to the workflow inventory, they appear here for clinical review."
            : props.filter.status === "not_reviewed" || props.filter.status === "needs_me"
              ? "Nothing needs your review: every item is reviewed and no approval is out of date."
              : "Try another status or clear the search."}
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70">
            <div className="flex items-center justify-between border-b border-ink-100 px-4 py-2.5 text-xs text-ink-500">
              <span>
                {formatNumber(props.total)} item{props.total === 1 ? "" : "s"}
                {props.pageCount > 1 ? ` · page ${props.page} of ${props.pageCount}` : ""}
              </span>
              <span className="hidden sm:inline" aria-hidden>
                <Kbd>J</Kbd>/<Kbd>K</Kbd> to move
              </span>
            </div>
            <ul ref={listRef} aria-label="Workflow items to review" className="divide-y divide-ink-100">
              {props.items.map((item) => {
                const active = item.id === selected?.id;
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      data-item-id={item.id}
                      aria-current={active ? "true" : undefined}
                      onClick={() => select(item.id)}
                      className={cn("block w-full px-4 py-3 text-left focus-visible:outline-offset-[-2px]", active ? "bg-brand-50" : "hover:bg-ink-50")}
                    >
                      <span className="flex items-start justify-between gap-2">
                        <span className="min-w-0">
                          <span className="block truncate text-sm font-medium text-ink-900">{item.name}</span>
                          <span className="block truncate text-xs text-ink-500">
                            {WORKFLOW_KIND_LABELS[item.kind]}
                            {item.department ? ` · ${item.department}` : ""}
                            {item.quantity > 1 ? ` · ×${formatNumber(item.quantity)}` : ""}
                          </span>
                        </span>
                        <span className="flex shrink-0 flex-col items-end gap-1">
                          <ReviewStatusBadge status={item.reviewStatus} isChangedSinceApproval={item.isChangedSinceApproval} />
                          {item.comments.length ? (
                            <span className="inline-flex items-center gap-1 text-xs text-ink-500">
                              <MessageSquare className="size-3" aria-hidden />
                              <span className="sr-only">Comments: </span>
                              {item.comments.length}
                            </span>
                          ) : null}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {props.pageCount > 1 ? (
              <nav aria-label="Pages" className="flex items-center justify-between border-t border-ink-100 px-4 py-2.5 text-sm">
                {props.page > 1 ? <Link className="text-brand-700 hover:underline" href={hrefFor(props.basePath, { ...props.filter, page: props.page - 1 })}>← Previous</Link> : <span />}
                {props.page < props.pageCount ? <Link className="text-brand-700 hover:underline" href={hrefFor(props.basePath, { ...props.filter, page: props.page + 1 })}>Next →</Link> : <span />}
              </nav>
            ) : null}
          </div>

          {selected ? (
            <ReviewDetail
              key={selected.id}
              ref={detailRef}
              item={selected}
              engagementId={props.engagementId}
              canComment={props.canComment}
              canApprove={props.canApprove}
              commentAction={props.commentAction}
              reviewAction={props.reviewAction}
              onDone={(verdict) => {
                if (verdict !== "comment") advanceFrom(selected.id);
                router.refresh();
              }}
            />
          ) : null}
        </div>
      )}
      {selected && props.canApprove ? (
        // one thumb on a phone: the verdict buttons stay at the bottom of the screen
        <div className="fixed inset-x-0 bottom-0 z-20 border-t border-ink-200 bg-white/95 px-3 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden" role="group" aria-label={`Verdict on ${selected.name}`}>
          <div className="mx-auto flex max-w-xl items-center gap-2">
            <Button type="button" className="min-h-11 flex-1" onClick={() => void detailRef.current?.approve()}>
              <CheckCircle2 className="size-4" aria-hidden /> Approve
            </Button>
            <Button type="button" variant="secondary" className="min-h-11 flex-1" onClick={() => { document.getElementById("review-detail")?.scrollIntoView({ block: "end" }); detailRef.current?.startRequestChanges(); }}>
              Request changes
            </Button>
            <Button type="button" variant="ghost" className="min-h-11" disabled={selectedIndex >= props.items.length - 1} onClick={() => { move(1); document.getElementById("review-detail")?.scrollIntoView({ block: "start" }); }}>
              Next
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

type ReviewDetailHandle = { approve: () => Promise<void>; startRequestChanges: () => void; startComment: () => void };

type DetailProps = {
  item: ReviewItemDto;
  engagementId: string;
  canComment: boolean;
  canApprove: boolean;
  commentAction: Act<{ commentId: string }>;
  reviewAction: Act<{ commentId: string; version: number; reviewStatus: string }>;
  onDone: (verdict: "comment" | "approved" | "changes_requested") => void;
  ref: Ref<ReviewDetailHandle | null>;
};

function ReviewDetail({ item, engagementId, canComment, canApprove, commentAction, reviewAction, onDone, ref }: DetailProps) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<null | "comment" | "approved" | "changes_requested">(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textId = `review-body-${item.id}`;

  async function submit(verdict: "comment" | "approved" | "changes_requested") {
    if (pending) return;
    setError(null);
    const input =
      verdict === "comment"
        ? { engagementId, workflowItemId: item.id, body }
        : { engagementId, workflowItemId: item.id, version: item.version, verdict, body };
    const parsed = verdict === "comment" ? WorkflowCommentSchema.safeParse(input) : WorkflowReviewSchema.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues.find((i) => i.path[0] === "body")?.message === "Required" ? "Write a comment first" : (parsed.error.issues[0]?.message ?? "Check the comment"));
      textRef.current?.focus();
      return;
    }
    setPending(verdict);
    try {
      const res = verdict === "comment" ? await commentAction(input) : await reviewAction(input);
      if (res.ok) {
        setBody("");
        toast.success(verdict === "comment" ? "Comment added" : verdict === "approved" ? `Approved “${item.name}”` : `Changes requested on “${item.name}”`);
        onDone(verdict);
      } else if (res.code === "INVALID") {
        setError(res.fieldErrors.body?.[0] ?? res.message);
        textRef.current?.focus();
      } else {
        toast.error(res.message);
        if (res.code === "CONFLICT" || res.code === "NOT_FOUND") onDone("comment");
      }
    } catch {
      toast.error("Sounding could not be reached. Your comment is still in the box; try again.");
    } finally {
      setPending(null);
    }
  }

  // for the queue's keyboard shortcuts
  useImperativeHandle(ref, () => ({
    approve: () => submit("approved"),
    startRequestChanges: () => {
      textRef.current?.focus();
      setError(body.trim() ? null : "Say what needs to change, then press “Request changes”.");
    },
    startComment: () => textRef.current?.focus(),
  }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit("comment");
  }

  const facts: [string, string][] = [
    ["Kind", WORKFLOW_KIND_LABELS[item.kind]],
    ["Department", item.department || "—"],
    ["Quantity", formatNumber(item.quantity)],
    ["Complexity", COMPLEXITY_LABELS[item.complexity]],
    ["Disposition", DISPOSITION_LABELS[item.disposition]],
  ];

  return (
    <section id="review-detail" aria-labelledby={`review-title-${item.id}`} className="min-w-0 scroll-mt-20 self-start rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70 lg:sticky lg:top-20">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-ink-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id={`review-title-${item.id}`} ref={headingRef} tabIndex={-1} className="text-base font-semibold">{item.name}</h2>
          <p className="mt-0.5 text-sm text-ink-500">
            {WORKFLOW_KIND_LABELS[item.kind]}
            {item.department ? ` · ${item.department}` : ""}
          </p>
        </div>
        <ReviewStatusBadge status={item.reviewStatus} isChangedSinceApproval={item.isChangedSinceApproval} />
      </div>

      <div className="space-y-5 px-5 py-4">
        {item.isChangedSinceApproval && item.lastApproval ? (
          <div role="note" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>
              Edited on {formatDateTime(item.updatedAt)}, after {item.lastApproval.by} approved it on {formatDateTime(item.lastApproval.at)}. The approval does not cover the
              current version{canApprove ? " — review it again." : "."}
            </p>
          </div>
        ) : item.reviewStatus === "approved" && !item.lastApproval ? (
          <p role="note" className="rounded-md bg-ink-50 p-3 text-sm text-ink-600">Marked approved outside the review (for example by an import); no approval is recorded in Sounding.</p>
        ) : null}

        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-ink-500">{k}</dt>
              <dd className={cn("font-medium text-ink-900", k === "Disposition" && item.disposition === "must_survive" && "text-brand-800")}>{v}</dd>
            </div>
          ))}
        </dl>
        {item.notes ? (
          <div className="text-sm">
            <div className="text-ink-500">Notes</div>
            <p className="mt-0.5 whitespace-pre-line text-ink-800">{item.notes}</p>
          </div>
        ) : null}

        <div>
          <h3 className="text-sm font-semibold">Discussion</h3>
          {item.comments.length === 0 ? (
            <p className="mt-1 text-sm text-ink-500">No comments yet.</p>
          ) : (
            <ol className="mt-2 space-y-3" aria-label={`Comments on ${item.name}`}>
              {item.comments.map((c) => (
                <li key={c.id} className={cn("rounded-md p-3 text-sm ring-1 ring-inset", c.verdict === "approved" ? "bg-emerald-50/60 ring-emerald-200" : c.verdict === "changes_requested" ? "bg-red-50/60 ring-red-200" : "bg-ink-50 ring-ink-100")}>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-ink-500">
                    <span className="font-medium text-ink-800">{c.authorName}</span>
                    <VerdictBadge verdict={c.verdict} />
                    <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                  </div>
                  <p className="mt-1 whitespace-pre-line text-ink-800">{c.body}</p>
                </li>
              ))}
            </ol>
          )}
        </div>

        {canComment || canApprove ? (
          <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-ink-100 pt-4" aria-label={`Review ${item.name}`}>
            <div className="space-y-1.5">
              <label htmlFor={textId} className="block text-sm font-medium text-ink-800">
                {canApprove ? "Comment or reason" : "Comment"}
              </label>
              <textarea
                id={textId}
                ref={textRef}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) { e.preventDefault(); void submit("comment"); }
                  if (e.key === "Escape") (e.currentTarget as HTMLTextAreaElement).blur();
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${textId}-error` : `${textId}-hint`}
                className={cn(controlClass, "min-h-20", error && "ring-red-400 focus:ring-red-500")}
                placeholder={canApprove ? "Optional for an approval; required when you request changes" : "Ask a question or add context for the reviewer"}
                maxLength={4000}
              />
              {error ? (
                <p id={`${textId}-error`} role="alert" className="text-sm text-red-700">{error}</p>
              ) : (
                <p id={`${textId}-hint`} className="text-xs text-ink-500">
                  {canApprove ? (
                    <>Shortcuts: <Kbd>A</Kbd> approve · <Kbd>R</Kbd> request changes · <Kbd>C</Kbd> comment · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> send comment · <Kbd>Esc</Kbd> leave the box</>
                  ) : (
                    <>Consultants comment; a clinical reviewer or the lead approves. <Kbd>C</Kbd> comment · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> send</>
                  )}
                </p>
              )}
            </div>
            <div className="flex flex-wrap gap-2">
              {canApprove ? (
                <>
                  <Button type="button" onClick={() => void submit("approved")} pending={pending === "approved"} disabled={pending !== null} aria-keyshortcuts="A">
                    <CheckCircle2 className="size-4" aria-hidden /> Approve
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => void submit("changes_requested")} pending={pending === "changes_requested"} disabled={pending !== null} aria-keyshortcuts="R">
                    Request changes
                  </Button>
                </>
              ) : null}
              {canComment ? (
                <Button type="submit" variant="ghost" pending={pending === "comment"} disabled={pending !== null}>
                  <MessageSquare className="size-4" aria-hidden /> Comment
                </Button>
              ) : null}
            </div>
            {!canApprove && item.reviewStatus !== "approved" ? <Badge tone="neutral">Waiting for clinical review</Badge> : null}
          </form>
        ) : (
          <p className="border-t border-ink-100 pt-4 text-sm text-ink-500">Your role can read the review but not comment.</p>
        )}
      </div>
    </section>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-ink-200 bg-white px-1 font-sans text-[11px] text-ink-600">{children}</kbd>;
}
