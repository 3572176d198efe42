// HL7 v2 message samples: version, message types and events, segments, custom Z-segments, field
// variability → a suggested interface complexity with its reasons. Accepts \r, \n or \r\n between
// segments, MLLP framing (0x0B … 0x1C 0x0D) and blank lines between messages. Only counts are kept.
import type { InterfaceComplexity, MessageProfile } from "./types";

interface SegStat {
  count: number;
  messages: number;
}

export class Hl7Profiler {
  messages = 0;
  invalid = 0;
  private current: string[] = [];
  private versions: Record<string, number> = {};
  private types: Record<string, number> = {};
  private segs = new Map<string, SegStat>();
  private structures = new Set<string>();
  /** "PID-8" → messages in which that segment field is populated (among messages having the segment) */
  private fields = new Map<string, number>();
  private facilities = new Set<string>();
  private embedded = 0;
  private localCodingMessages = 0;
  private repeatedPid = 0;
  private escapesMessages = 0;
  private obxTypes = new Map<string, number>();
  private orders = 0;
  private nte = 0;
  private controlIds = new Set<string>();
  private duplicateControlIds = 0;
  /** structural defects by kind (message without type, missing PID, OBX before OBR, …) */
  private malformed = new Map<string, number>();
  private malformedMessages = 0;
  private strayLines = 0;

  /** Feed one line; `\x0b`/`\x1c` framing bytes are stripped. */
  line(raw: string): void {
    const l = raw.replace(/[\x0b\x1c]/g, "").trimEnd();
    if (l.trim() === "") return;
    if (l.startsWith("MSH") || l.startsWith("FHS") || l.startsWith("BHS")) {
      if (l.startsWith("MSH")) {
        this.flush();
        this.current.push(l);
      }
      return; // batch headers are envelope
    }
    if (l.startsWith("FTS") || l.startsWith("BTS")) return;
    if (this.current.length === 0) {
      this.invalid++;
      return;
    }
    this.current.push(l);
  }

  flush(): void {
    const segs = this.current;
    this.current = [];
    if (segs.length === 0) return;
    const msh = segs[0]!;
    const fs = msh.charAt(3);
    if (!fs || /[A-Za-z0-9]/.test(fs)) {
      this.invalid++;
      return;
    }
    this.messages++;
    const comp = msh.charAt(4) || "^";
    const rep = msh.charAt(5) || "~";
    const esc = msh.charAt(6) || "\\";
    const mshFields = msh.split(fs); // mshFields[n] is MSH-(n+1) since MSH-1 is the separator itself
    const defects: string[] = [];
    if ((mshFields[1] ?? "").length !== 4) defects.push("encoding characters (MSH-2) incomplete");
    const type = (mshFields[8] ?? "").split(comp);
    let event = type[1] ?? "";
    if (type[0] && !event) {
      // a missing trigger event is recoverable from EVN-1
      const evn = segs.find((x) => x.startsWith(`EVN${fs}`));
      event = evn?.split(fs)[1]?.split(comp)[0] ?? "";
      defects.push("message type without trigger event (MSH-9.2)");
    }
    // only shapes HL7 defines are kept (type: 3 letters/digits, event: 2–3): a shifted field could hold a value of a patient
    const typeCode = type[0] ? (/^[A-Z0-9]{3}$/.test(type[0]) ? type[0] : "(unrecognised)") : "";
    if (event && !/^[A-Z0-9]{2,3}$/.test(event)) event = "(unrecognised)";
    const msgType = typeCode ? `${typeCode}${event ? `^${event}` : ""}` : "";
    if (msgType) this.types[msgType] = (this.types[msgType] ?? 0) + 1;
    else defects.push("no message type (MSH-9)");
    const control = mshFields[9] ?? "";
    if (control) {
      if (this.controlIds.has(control)) this.duplicateControlIds++;
      else if (this.controlIds.size < 200_000) this.controlIds.add(control);
    }
    const rawVersion = (mshFields[11] ?? "").split(comp)[0]?.trim() ?? "";
    const version = !rawVersion ? "(none)" : /^\d(\.\d{1,2}){1,3}$/.test(rawVersion) ? rawVersion : "(unrecognised)";
    this.versions[version] = (this.versions[version] ?? 0) + 1;
    if (this.facilities.size < 1000) this.facilities.add(`${mshFields[2] ?? ""}|${mshFields[3] ?? ""}`);

    const seen = new Set<string>();
    const order: string[] = [];
    let localCoding = false;
    let escapes = false;
    let pids = 0;
    let obrSeen = false;
    let obxBeforeObr = false;
    let orcWithoutObr = 0;
    let pendingOrc = false;
    for (const s of segs) {
      const id = s.slice(0, 3);
      if (!/^[A-Z][A-Z0-9]{2}$/.test(id) || (s.length > 3 && s.charAt(3) !== fs)) {
        this.strayLines++;
        continue;
      }
      if (id === "OBR") {
        obrSeen = true;
        pendingOrc = false;
        this.orders++;
      }
      if (id === "ORC") {
        if (pendingOrc) orcWithoutObr++;
        pendingOrc = true;
      }
      if (id === "NTE") this.nte++;
      if (order[order.length - 1] !== id) order.push(id);
      const st = this.segs.get(id) ?? { count: 0, messages: 0 };
      st.count++;
      if (!seen.has(id)) {
        st.messages++;
        seen.add(id);
        const f = s.split(fs);
        const offset = id === "MSH" ? 1 : 0;
        for (let i = 1; i < f.length; i++) if (f[i] !== "" && f[i] !== '""') this.fields.set(`${id}-${i + offset}`, (this.fields.get(`${id}-${i + offset}`) ?? 0) + 1);
      }
      this.segs.set(id, st);
      if (id === "PID") pids++;
      if (id === "OBX") {
        if (!obrSeen && (type[0] === "ORU" || type[0] === "OUL")) obxBeforeObr = true;
        const f = s.split(fs);
        const rawVt = (f[2] ?? "").trim();
        const vt = !rawVt ? "(empty)" : /^[A-Z]{2,3}$/.test(rawVt) ? rawVt : "(unrecognised)";
        this.obxTypes.set(vt, (this.obxTypes.get(vt) ?? 0) + 1);
        if ((f[2] ?? "") === "ED" || /(?:^|\^)Base64(?:\^|$)/i.test(f[5] ?? "")) this.embedded++;
        const codeSystem = (f[3] ?? "").split(rep)[0]?.split(comp)[2] ?? "";
        if (codeSystem && !/^(LN|LOINC|SCT|SNM|SNOMED|I9C?|I10C?|ICD9|ICD10|CPT4?|RXNORM|NDC)$/i.test(codeSystem)) localCoding = true;
      }
      if (!escapes && s.includes(`${esc}X`)) escapes = true;
    }
    if (pids > 1) this.repeatedPid++;
    if (pendingOrc && (type[0] === "ORM" || type[0] === "OML")) orcWithoutObr++;
    if (orcWithoutObr > 0) defects.push("order (ORC) without its OBR");
    if (obxBeforeObr) defects.push("OBX before any OBR");
    if (pids === 0 && /^(ADT|ORU|ORM|OML|VXU|SIU|MDM|DFT|RDE|RAS)$/.test(type[0] ?? "")) defects.push("no PID segment");
    if (segs.length <= 2 && /^(ORU|ORM|VXU|MDM)$/.test(type[0] ?? "")) defects.push("truncated message (header and patient only)");
    if (defects.length > 0) {
      this.malformedMessages++;
      for (const d of defects) this.malformed.set(d, (this.malformed.get(d) ?? 0) + 1);
    }
    if (localCoding) this.localCodingMessages++;
    if (escapes) this.escapesMessages++;
    if (this.structures.size < 5000) this.structures.add(`${msgType}:${order.join(",")}`);
  }

  result(file: MessageProfile["file"]): MessageProfile {
    this.flush();
    const byCount = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
    const versions = byCount(this.versions);
    const types = byCount(this.types);
    const segments = [...this.segs.entries()].map(([id, s]) => ({ id, count: s.count, messages: s.messages })).sort((a, b) => b.messages - a.messages || a.id.localeCompare(b.id));
    const z = segments.filter((s) => s.id.startsWith("Z"));
    const zCounts = Object.fromEntries(z.map((s) => [s.id, s.count]));
    // field variability: fields populated in some but not all messages carrying their segment
    const variability: { field: string; populatedShare: number }[] = [];
    for (const [key, n] of this.fields) {
      const seg = this.segs.get(key.split("-")[0]!)!;
      const share = n / seg.messages;
      if (share > 0.05 && share < 0.95 && seg.messages >= 3) variability.push({ field: key, populatedShare: Math.round(share * 1000) / 1000 });
    }
    variability.sort((a, b) => Math.abs(0.5 - a.populatedShare) - Math.abs(0.5 - b.populatedShare));

    const reasons: string[] = [];
    let score = 0;
    const n = this.messages;
    const pct = (k: number) => `${Math.round((k / Math.max(1, n)) * 100)} %`;
    const events = types.length;
    if (events >= 8) {
      score += 2;
      reasons.push(`${events} message types/events in the sample (${types.slice(0, 4).map(([t]) => t).join(", ")} …)`);
    } else if (events >= 4) {
      score += 1;
      reasons.push(`${events} message types/events (${types.map(([t]) => t).join(", ")})`);
    } else if (events > 0) reasons.push(`${events} message type${events === 1 ? "" : "s"}/event${events === 1 ? "" : "s"} (${types.map(([t]) => t).join(", ")})`);
    if (z.length > 0) {
      score += Math.min(3, z.length);
      const zMsgs = Math.max(...z.map((s) => s.messages));
      reasons.push(`${z.length} custom Z-segment${z.length === 1 ? "" : "s"} (${z.map((s) => s.id).join(", ")}), in up to ${pct(zMsgs)} of messages — needs mapping to the target's extensions`);
    }
    if (versions.length > 1) {
      score += 1;
      reasons.push(`mixed HL7 versions: ${versions.map(([v, k]) => `${v} (${k})`).join(", ")}`);
    }
    const structs = this.structures.size;
    if (structs > Math.max(5, events * 3)) {
      score += 1;
      reasons.push(`${structs} distinct segment structures — optional segments vary a lot between messages`);
    }
    if (variability.length >= 25) {
      score += 1;
      reasons.push(`${variability.length} fields populated only in some messages (e.g. ${variability.slice(0, 3).map((v) => v.field).join(", ")})`);
    }
    if (this.embedded > 0) {
      score += 1;
      reasons.push(`embedded documents (ED/Base64) in ${this.embedded.toLocaleString("en-US")} OBX segments`);
    }
    if (this.localCodingMessages > 0) {
      score += 1;
      reasons.push(`local coding systems in OBX-3 in ${pct(this.localCodingMessages)} of messages (not LOINC/SNOMED)`);
    }
    const obxTypes = [...this.obxTypes.entries()].filter(([t]) => t !== "(empty)").sort((a, b) => b[1] - a[1]);
    if (obxTypes.length >= 3) {
      score += 1;
      reasons.push(`mixed OBX value types (${obxTypes.map(([t, k]) => `${t} ${k}`).join(", ")}) — each needs its own display and mapping`);
    }
    if (n > 0 && this.orders / n >= 1.2) {
      score += 1;
      reasons.push(`several orders/panels per message (${(this.orders / n).toFixed(1)} OBR per message on average)`);
    }
    if (this.nte > 0) reasons.push(`free-text comments: ${this.nte.toLocaleString("en-US")} NTE segments`);
    if (this.malformedMessages > 0) {
      const share = this.malformedMessages / Math.max(1, n);
      if (share > 0.02) score += 1;
      reasons.push(`${this.malformedMessages} malformed message${this.malformedMessages === 1 ? "" : "s"} (${pct(this.malformedMessages)}): ${[...this.malformed.entries()].map(([d, k]) => `${d} ×${k}`).join("; ")}`);
    }
    if (this.duplicateControlIds > 0) reasons.push(`${this.duplicateControlIds} repeated message control IDs (MSH-10) — resends or a broken counter`);
    if (this.strayLines > 0) reasons.push(`${this.strayLines} lines that are not HL7 segments (stray text between messages)`);
    if (this.facilities.size > 3) {
      score += 1;
      reasons.push(`${this.facilities.size} sending application/facility combinations`);
    }
    if (this.invalid > 0) reasons.push(`${this.invalid.toLocaleString("en-US")} lines or messages could not be read as HL7`);
    if (n === 0) reasons.push("no HL7 messages found (each message must start with an MSH segment)");
    if (score === 0 && n > 0) reasons.push("no custom segments, one version, few message types");
    const suggestedComplexity: InterfaceComplexity = score >= 4 ? "complex" : score >= 2 ? "medium" : "simple";
    return {
      format: "hl7",
      messages: n,
      version: versions[0]?.[0] ?? null,
      versions: Object.fromEntries(versions),
      messageTypes: types.map(([t]) => t),
      messageTypeCounts: Object.fromEntries(types),
      segments,
      zSegments: z.map((s) => s.id),
      zSegmentCounts: zCounts,
      structures: structs,
      fieldVariability: variability.slice(0, 20),
      suggestedComplexity,
      reasons,
      invalid: this.invalid + this.malformedMessages,
      malformed: Object.fromEntries(this.malformed),
      file,
    };
  }
}
