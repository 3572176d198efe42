// X12 EDI samples (270/271, 276/277, 834, 835, 837 …): version, transaction sets, segments. The ISA
// header fixes the element, component and segment separators.
import type { InterfaceComplexity, MessageProfile } from "./types";

export class X12Profiler {
  messages = 0;
  private buf = "";
  private elem = "*";
  private segTerm = "~";
  private ready = false;
  private versions: Record<string, number> = {};
  private types: Record<string, number> = {};
  private segs = new Map<string, { count: number; messages: number }>();
  private inTx: Set<string> | null = null;
  private partners = new Set<string>();
  private invalid = 0;

  push(chunk: string): void {
    this.buf += chunk;
    if (!this.ready) {
      const i = this.buf.indexOf("ISA");
      if (i < 0 || this.buf.length < i + 106) return;
      this.buf = this.buf.slice(i);
      this.elem = this.buf.charAt(3);
      this.segTerm = this.buf.charAt(105);
      this.ready = true;
    }
    const parts = this.buf.split(this.segTerm);
    this.buf = parts.pop() ?? "";
    for (const p of parts) this.segment(p.trim());
  }

  private segment(s: string): void {
    if (!s) return;
    const f = s.split(this.elem);
    const id = f[0]!;
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
      this.invalid++;
      return;
    }
    if (id === "ISA") this.partners.add(`${(f[6] ?? "").trim()}|${(f[8] ?? "").trim()}`);
    if (id === "GS") {
      const rawV = (f[8] ?? "").trim();
      const v = !rawV ? "(none)" : /^\d{6}[A-Z0-9]{0,6}$/.test(rawV) ? rawV : "(unrecognised)";
      this.versions[v] = (this.versions[v] ?? 0) + 1;
    }
    if (id === "ST") {
      this.messages++;
      const rawT = (f[1] ?? "").trim();
      const t = !rawT ? "(none)" : /^\d{3}$/.test(rawT) ? rawT : "(unrecognised)";
      this.types[t] = (this.types[t] ?? 0) + 1;
      this.inTx = new Set();
    }
    const st = this.segs.get(id) ?? { count: 0, messages: 0 };
    st.count++;
    if (this.inTx && !this.inTx.has(id)) {
      st.messages++;
      this.inTx.add(id);
    }
    this.segs.set(id, st);
    if (id === "SE") this.inTx = null;
  }

  result(file: MessageProfile["file"]): MessageProfile {
    if (this.buf.trim()) this.segment(this.buf.trim());
    const sorted = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
    const types = sorted(this.types);
    const versions = sorted(this.versions);
    const reasons: string[] = [];
    let score = 0;
    if (types.length > 0) reasons.push(`transaction sets: ${types.map(([t, n]) => `${t} (${n})`).join(", ")}`);
    if (types.some(([t]) => t === "837" || t === "835")) {
      score += 2;
      reasons.push("claims or remittance (837/835): loops, payer-specific companion guides");
    }
    if (types.length >= 3) score += 1;
    if (versions.length > 1) {
      score += 1;
      reasons.push(`mixed implementation versions: ${versions.map(([v]) => v).join(", ")}`);
    }
    if (this.partners.size > 2) {
      score += 1;
      reasons.push(`${this.partners.size} sender/receiver pairs`);
    }
    const complexity: InterfaceComplexity = score >= 3 ? "complex" : score >= 1 ? "medium" : "simple";
    const segments = [...this.segs.entries()].map(([id, s]) => ({ id, ...s })).sort((a, b) => b.count - a.count);
    return {
      format: "x12",
      messages: this.messages,
      version: versions[0]?.[0] ?? null,
      versions: Object.fromEntries(versions),
      messageTypes: types.map(([t]) => t),
      messageTypeCounts: Object.fromEntries(types),
      segments,
      zSegments: [],
      zSegmentCounts: {},
      structures: 0,
      fieldVariability: [],
      suggestedComplexity: complexity,
      reasons,
      invalid: this.invalid,
      file,
    };
  }
}
