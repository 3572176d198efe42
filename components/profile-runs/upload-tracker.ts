// The uploads this browser tab is sending (profile runs): each file goes to /api/profile-uploads/<run> with
// XMLHttpRequest, whose upload events say when the last byte has left. Until then the tab must stay open —
// the file is never stored, so the server has nothing to finish without it — and closing or reloading the
// tab asks first (beforeunload). Once sent, the server finishes the analysis on its own and the warning
// goes away. Lives at module level, so it outlives the form (the run page is a client-side navigation).

export type TabUpload = { runId: string; sent: number; total: number; state: "sending" | "sent" | "failed" };

const uploads = new Map<string, TabUpload>();
const listeners = new Set<() => void>();

function warnBeforeLeaving(e: BeforeUnloadEvent) {
  e.preventDefault();
  // older browsers show nothing without a returnValue; modern ones show their own text
  e.returnValue = "A file is still uploading for profiling. Leaving now stops the run.";
  return e.returnValue;
}

function changed() {
  const sending = [...uploads.values()].some((u) => u.state === "sending");
  if (sending) window.addEventListener("beforeunload", warnBeforeLeaving);
  else window.removeEventListener("beforeunload", warnBeforeLeaving);
  for (const l of listeners) l();
}

function set(runId: string, patch: Partial<TabUpload>) {
  const prev = uploads.get(runId);
  if (!prev) return;
  uploads.set(runId, { ...prev, ...patch });
  changed();
}

/** Sends the file of a run from this tab; resolves when the server has answered (or the request failed). */
export function sendProfileUpload(runId: string, file: File): Promise<void> {
  uploads.set(runId, { runId, sent: 0, total: file.size, state: "sending" });
  changed();
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/profile-uploads/${encodeURIComponent(runId)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => set(runId, { sent: e.loaded });
    xhr.upload.onload = () => set(runId, { sent: file.size, state: "sent" });
    xhr.onload = () => {
      if (uploads.get(runId)?.state === "sending") set(runId, { state: "sent" });
      resolve();
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => {
      set(runId, { state: uploads.get(runId)?.state === "sent" ? "sent" : "failed" });
      resolve();
    };
    xhr.send(file);
  });
}

export function tabUpload(runId: string): TabUpload | undefined {
  return uploads.get(runId);
}

export function subscribeTabUploads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
