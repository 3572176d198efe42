// Messy real-world inputs: BOM, ; and tab delimiters, quoted newlines, preambles, Windows-1252 and
// UTF-16, gzip, XLSX, NDJSON Bundles, HL7 with every segment separator and MLLP framing.
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { profileStream, ProfileError, type ExtractProfile, type MessageProfile } from "@/lib/profiler";

const run = (data: string | Buffer, fileName: string, opts: Parameters<typeof profileStream>[1] = {}) =>
  profileStream(Readable.from([typeof data === "string" ? Buffer.from(data) : data]), { fileName, ...opts });
const check = (p: ExtractProfile, id: string) => p.checks.find((c) => c.id === id)!;

const ROWS = [
  ["1", "Smith", "John", "01/02/1980", "M", "250.00", "1234567893"],
  ["2", "Doe", "Ann", "19750304", "F", "E11.9", "1234567890"],
  ["3", "Roe", "Rick", "1990-05-06", "M", "I10", ""],
  ["4", "Poe", "Ed", "1900-01-01", "M", "401.9", "1234567893"],
];
const HEADER = ["PAT_ID", "Last Name", "First Name", "DOB", "Sex", "ICD10", "Provider NPI"];

describe("delimited text", () => {
  it.each([
    [",", "comma"], [";", "semicolon"], ["\t", "tab"], ["|", "pipe"],
  ])("detects %j (%s) and reads the same findings", async (d) => {
    const text = "\uFEFF" + [HEADER, ...ROWS].map((r) => r.join(d)).join("\r\n") + "\r\n";
    const p = (await run(text, "x.csv")) as ExtractProfile;
    expect(p.rows).toBe(4);
    expect(p.columns[0]!.name).toBe("PAT_ID"); // BOM removed
    expect(check(p, "icd9_codes").count).toBe(2);
    expect(check(p, "npi_invalid").count).toBe(1);
    expect(check(p, "sentinel_dates").count).toBe(1);
    expect(check(p, "blank_provider_npi").rate).toBe(0.25);
  });

  it("keeps quoted newlines inside one record and skips a report preamble", async () => {
    const text = `Patient extract run 2024-01-01\n\n${HEADER.join(",")},Comment\n${ROWS.map((r) => `${r.join(",")},"line one\nline two"`).join("\n")}\n`;
    const p = (await run(text, "x.csv")) as ExtractProfile;
    expect(p.rows).toBe(4);
    expect(p.columns.map((c) => c.role).slice(0, 4)).toEqual(["patient_id", "family_name", "given_name", "birth_date"]);
  });

  it("reads Windows-1252 and UTF-16 exports", async () => {
    const text = [HEADER, ...ROWS].map((r) => r.join(",")).join("\n").replace("Doe", "Doé");
    const latin = Buffer.from(text, "latin1");
    const p1 = (await run(latin, "x.csv")) as ExtractProfile;
    expect(p1.encoding).toMatch(/windows-1252/);
    expect(check(p1, "encoding_damage").count).toBe(0);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const p2 = (await run(utf16, "x.csv")) as ExtractProfile;
    expect(p2.encoding).toBe("utf-16le");
    expect(p2.rows).toBe(4);
  });

  it("reads gzip and counts mojibake as encoding damage", async () => {
    const text = [HEADER, ...ROWS].map((r) => r.join(",")).join("\n").replace("Doe", "DoÃ©");
    const p = (await run(gzipSync(Buffer.from(text)), "x.csv.gz")) as ExtractProfile;
    expect(check(p, "encoding_damage").count).toBe(1);
  });

  it("fails with one clear line for empty or header-only files", async () => {
    await expect(run("", "x.csv")).rejects.toThrow(ProfileError);
    await expect(run("a,b,c\n", "x.csv")).rejects.toThrow(/no data rows/);
  });
});

describe("XLSX", { timeout: 30_000 }, () => {
  it("profiles the first worksheet with rows, Excel dates included", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Empty");
    const ws = wb.addWorksheet("Patients");
    ws.addRow(HEADER);
    for (const r of ROWS) ws.addRow(r.map((v, i) => (i === 3 && v.includes("-") ? new Date(`${v}T00:00:00Z`) : v)));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const p = (await run(buf, "x.xlsx")) as ExtractProfile;
    expect(p.format).toBe("xlsx");
    expect(p.rows).toBe(4);
    expect(check(p, "sentinel_dates").count).toBe(1);
    expect(check(p, "icd9_codes").count).toBe(2);
  });
  it("refuses a legacy .xls with a clear message", async () => {
    await expect(run(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "old.xls")).rejects.toThrow(/legacy Excel/);
  });
});

describe("FHIR NDJSON", () => {
  it("reads resources line by line, counts invalid lines, unpacks Bundles", async () => {
    const lines = [
      { resourceType: "Patient", id: "a", name: [{ family: "Smith", given: ["John"] }], birthDate: "1980", gender: "male" },
      { resourceType: "Condition", id: "c", code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-9-cm", code: "250.00" }] } },
      { resourceType: "Bundle", entry: [{ resource: { resourceType: "Condition", code: { text: "sugar problems" } } }] },
      { resourceType: "DocumentReference", content: [{ attachment: { contentType: "image/tiff" } }] },
    ].map((x) => JSON.stringify(x));
    const p = (await run(`${lines.join("\r\n")}\n{not json\n\n`, "x.ndjson")) as ExtractProfile;
    expect(p.resources).toEqual({ Patient: 1, Condition: 2, DocumentReference: 1 });
    expect(check(p, "icd9_codes").rate).toBe(0.5);
    expect(check(p, "free_text_in_coded").count).toBe(1);
    expect(check(p, "scanned_documents").rate).toBe(1);
    expect(check(p, "ndjson_invalid_lines").count).toBe(1);
  });
  it("accepts one pretty-printed Bundle", async () => {
    const doc = JSON.stringify({ resourceType: "Bundle", entry: [{ resource: { resourceType: "Patient", id: "x", birthDate: "1890-01-01" } }] }, null, 2);
    const p = (await run(doc, "bundle.json")) as ExtractProfile;
    expect(p.rows).toBe(1);
    expect(check(p, "sentinel_dates").count).toBe(1); // age over 120
  });
});

const MSG = (ctrl: string, type: string, extra: string[] = []) =>
  [`MSH|^~\\&|LAB|HOSP|EMR|HOSP|20240101120000||${type}|${ctrl}|P|2.5.1`, "PID|1||123^^^MRN||DOE^JANE||19800101|F", "PV1|1|O", ...extra];

describe("HL7 v2", () => {
  it.each([
    ["\\r", "\r"], ["\\n", "\n"], ["\\r\\n", "\r\n"],
  ])("segments separated by %s, blank lines between messages", async (_n, sep) => {
    const text = [MSG("1", "ADT^A01"), MSG("2", "ADT^A08", ["ZPI|1|X"]), MSG("3", "ORU^R01^ORU_R01", ["OBR|1", "OBX|1|NM|1234^GLU^L||5"])].map((m) => m.join(sep)).join(`${sep}${sep}`);
    const p = (await run(text, "x.hl7")) as MessageProfile;
    expect(p.messages).toBe(3);
    expect(p.version).toBe("2.5.1");
    expect(p.messageTypes.sort()).toEqual(["ADT^A01", "ADT^A08", "ORU^R01"]);
    expect(p.zSegments).toEqual(["ZPI"]);
    expect(p.reasons.join(" ")).toMatch(/Z-segment/);
    expect(["simple", "medium", "complex"]).toContain(p.suggestedComplexity);
  });

  it("MLLP framing; complexity grows with Z-segments, versions and local codes", async () => {
    const simple = [MSG("1", "ADT^A01"), MSG("2", "ADT^A01")].map((m) => `\x0b${m.join("\r")}\r\x1c\r`).join("");
    const ps = (await run(simple, "x.txt")) as MessageProfile;
    expect(ps.format).toBe("hl7");
    expect(ps.messages).toBe(2);
    expect(ps.suggestedComplexity).toBe("simple");
    const many = Array.from({ length: 10 }, (_, i) => MSG(String(i), ["ADT^A01", "ADT^A04", "ADT^A08", "ORU^R01", "ORM^O01"][i % 5]!, ["ZPI|1", "ZPV|2", "ZIN|3", "OBX|1|ED|99X^Local^L||^application^pdf^Base64^AAAA"]).join("\r").replace(i % 2 ? "2.5.1" : "\u0000", "2.3"));
    const pc = (await run(`\x0b${many.join("\r\x1c\r\x0b")}\r\x1c\r`, "x.hl7")) as MessageProfile;
    expect(pc.suggestedComplexity).toBe("complex");
    expect(Object.keys(pc.versions).sort()).toEqual(["2.3", "2.5.1"]);
    expect(pc.zSegments).toEqual(expect.arrayContaining(["ZPI", "ZPV", "ZIN"]));
  });

  it("a file without MSH segments is an error, not an empty profile", async () => {
    await expect(run("PID|1||x\r", "x.hl7", { format: "hl7" })).rejects.toThrow(/no HL7 v2 messages/);
  });
});

describe("X12", () => {
  it("reads transaction sets and the version", async () => {
    const isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~";
    const text = `${isa}GS*HC*S*R*20240101*1200*1*X*005010X222A1~ST*837*0001~BHT*0019~SE*3*0001~ST*837*0002~SE*2*0002~GE*2*1~IEA*1*000000001~`;
    const p = (await run(text, "claims.edi")) as MessageProfile;
    expect(p.format).toBe("x12");
    expect(p.messages).toBe(2);
    expect(p.messageTypes).toEqual(["837"]);
    expect(p.version).toBe("005010X222A1");
  });
});
