// Error messages and structural values never quote the file (issue 10, PHI): every way a file can fail —
// damaged gzip, damaged or truncated XLSX, a JSON document that is not JSON, NDJSON lines that are not JSON,
// unbalanced CSV quotes, HL7/X12 whose header fields hold something else, an error thrown below the
// profiler whose own text quotes the data — ends in a message (and a result) naming the line/record and the
// kind of problem only. The PHI-looking marker values must appear nowhere in what comes out.
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { profileStream, ProfileError, readFailure } from "@/lib/profiler";

const NAME = "Zyxwvutson";
const GIVEN = "Quentinella";
const MRN = "MRN77441982";
const DOB = "1961-07-23";
const SSN = "078-05-1120";
const MARKERS = [NAME, GIVEN, MRN, DOB, SSN, "Zyxwv", "Quent", "7744198"];

const row = `${MRN},${NAME},${GIVEN},${DOB},${SSN}`;

/** What a caller can see: the error's message, or the whole result. */
async function outcome(data: Buffer | string, fileName: string, opts: Parameters<typeof profileStream>[1] = {}): Promise<{ kind: "error" | "result"; text: string }> {
  try {
    const r = await profileStream(Readable.from([typeof data === "string" ? Buffer.from(data) : data]), { fileName, ...opts });
    return { kind: "result", text: JSON.stringify(r) };
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return { kind: "error", text: (e as Error).message };
  }
}

function expectClean(text: string) {
  for (const m of MARKERS) expect(text, `"${m}" leaked`).not.toContain(m);
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Patients");
  ws.addRow(["MRN", "Last Name", "First Name", "DOB", "SSN"]);
  for (let i = 0; i < 200; i++) ws.addRow([`${MRN}${i}`, NAME, GIVEN, DOB, SSN]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("error messages never quote the file", () => {
  it("a JSON document that is not JSON (JSON.parse would quote it)", async () => {
    const o = await outcome(`{"resourceType":"Patient","name":[{"family":"${NAME}","given":["${GIVEN}"]}],"birthDate":"${DOB}" ${SSN}`, "patients.json");
    expect(o.kind).toBe("error");
    expect(o.text).toMatch(/neither NDJSON .* nor a JSON document/);
    expectClean(o.text);
  });

  it("NDJSON lines that are not JSON are counted with their line number and length only", async () => {
    const good = JSON.stringify({ resourceType: "Patient", id: "p1", gender: "female", birthDate: "1970-01-01" });
    const bad = `{"resourceType":"Patient","id":"p2","name":[{"family":"${NAME}"}],"birthDate":"${DOB}",`;
    const o = await outcome([good, bad, good.replace("p1", "p3"), `not json ${MRN} ${SSN}`].join("\n") + "\n", "Patient.ndjson");
    expect(o.kind).toBe("result");
    const r = JSON.parse(o.text) as { checks: { id: string; count: number; examples: { row: number; masked: string }[] }[] };
    const invalid = r.checks.find((c) => c.id === "ndjson_invalid_lines")!;
    expect(invalid.count).toBe(2);
    expect(invalid.examples.map((x) => x.row)).toEqual([2, 4]);
    expectClean(o.text);
  });

  it("damaged gzip", async () => {
    const gz = gzipSync(Buffer.from(`MRN,Last,First,DOB,SSN\n${row}\n`.repeat(500)));
    const damaged = Buffer.concat([gz.subarray(0, 40), Buffer.from(`${NAME} ${MRN}`), gz.subarray(40 + 30)]);
    const o = await outcome(damaged, "extract.csv.gz");
    expect(o.kind).toBe("error");
    expect(o.text).toMatch(/damaged gzip data/);
    expectClean(o.text);
  });

  it("truncated and damaged XLSX", async () => {
    const book = await xlsx();
    for (const bytes of [book.subarray(0, Math.floor(book.length * 0.6)), Buffer.concat([book.subarray(0, 200), Buffer.from(`${NAME},${MRN},${SSN}`.repeat(20)), book.subarray(1200)])]) {
      const o = await outcome(bytes, "patients.xlsx");
      expectClean(o.text);
      if (o.kind === "error") expect(o.text).toMatch(/^patients\.xlsx: /);
    }
  });

  it("unbalanced CSV quotes and ragged rows", async () => {
    const text = `MRN,Last Name,First Name,DOB,SSN\n${row}\n"${MRN}2,"${NAME},${GIVEN}\n${row},extra,"${SSN}\n`;
    const o = await outcome(text, "patients.csv");
    expectClean(o.kind === "error" ? o.text : "");
    if (o.kind === "result") {
      // only aggregates and masked examples: no marker in the result either
      expectClean(o.text);
    }
  });

  it("HL7 whose header fields hold something else keeps only shapes HL7 defines", async () => {
    const msgs = [
      `MSH|^~\\&|LAB|MAIN|EMR|MAIN|20240102030405||${NAME}^${GIVEN}|1|P|${DOB}`,
      `PID|1||${MRN}^^^MRN||${NAME}^${GIVEN}||19610723|M`,
      `OBX|1|${SSN}|718-7^HGB^LN||13.2|g/dL`,
      `OBX|2|${NAME}|718-7^HGB^LN||13.2|g/dL`,
      `OBX|3|NM|718-7^HGB^LN||13.2|g/dL`,
      "",
      "MSH|^~\\&|LAB|MAIN|EMR|MAIN|20240102030406||ORU^R01|2|P|2.5.1",
      `PID|1||${MRN}^^^MRN||${NAME}^${GIVEN}||19610723|M`,
    ].join("\r");
    const o = await outcome(msgs, "lab.hl7");
    expect(o.kind).toBe("result");
    const r = JSON.parse(o.text) as { messageTypes: string[]; versions: Record<string, number> };
    expect(r.messageTypes).toEqual(expect.arrayContaining(["ORU^R01", "(unrecognised)^(unrecognised)"]));
    expect(Object.keys(r.versions).sort()).toEqual(["(unrecognised)", "2.5.1"]);
    expectClean(o.text);
  });

  it("X12 with a transaction set or version that is not one keeps neither", async () => {
    const x12 = [
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~",
      `GS*HC*SENDER*RECEIVER*20240101*1200*1*X*${NAME}~`,
      `ST*${MRN}*0001~`,
      `NM1*IL*1*${NAME}*${GIVEN}~`,
      "SE*3*0001~",
      "GE*1*1~",
      "IEA*1*000000001~",
    ].join("\n");
    const o = await outcome(x12, "claims.x12");
    if (o.kind === "result") {
      const r = JSON.parse(o.text) as { messageTypes: string[]; versions: Record<string, number> };
      expect(r.messageTypes).toEqual(["(unrecognised)"]);
      expect(Object.keys(r.versions)).toEqual(["(unrecognised)"]);
    }
    expectClean(o.text);
  });

  it("an error below the profiler whose own text quotes the data is reported by kind and position only", async () => {
    async function* failing(): AsyncIterable<Buffer> {
      yield Buffer.from(`MRN,Last Name,First Name,DOB,SSN\n${row}\n${row}\n`);
      throw new SyntaxError(`Unexpected token 'Z', "${NAME} ${GIVEN} ${DOB}" is not valid JSON`);
    }
    let message = "";
    try {
      await profileStream(failing(), { fileName: "patients.csv" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^patients\.csv: could not be read \(malformed data/);
    expectClean(message);
    for (const err of [new Error(`invalid zip data near ${NAME}`), new TypeError(`Cannot read ${MRN}`), new Error(`unexpected close tag <${GIVEN}>`), Object.assign(new Error(`bad ${SSN}`), { code: "Z_DATA_ERROR" }), `${NAME}`]) {
      const m = readFailure(err, "f.csv", 12);
      expect(m).toMatch(/^f\.csv: .*after 12 records/);
      expectClean(m);
    }
  });
});

describe("a headerless extract (issue 10, PHI)", () => {
  it("its first row is data, not column names: the columns are named by position and no value is stored", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${MRN.slice(0, -2)}${String(i).padStart(2, "0")},${NAME},${GIVEN},${DOB},${SSN}`);
    const out = await outcome(`${row}\n${rows.join("\n")}\n`, "no-header.csv");
    expect(out.kind).toBe("result");
    for (const m of MARKERS) expect(out.text, m).not.toContain(m);
    const r = JSON.parse(out.text) as { rows: number; columns?: { name: string }[] };
    expect(r.rows).toBe(41); // the first row counted as data
  });

  it("a real header is still a header, with or without recognised column names", async () => {
    const withDigits = await outcome(`MRN,Last name,First name,DOB\nA1,${NAME},${GIVEN},${DOB}\n`, "h.csv");
    expect(withDigits.text).toContain("Last name");
    const plain = await outcome(`Account,Surname,Given,Opened\nA1,${NAME},${GIVEN},${DOB}\n`, "h2.csv");
    expect(plain.text).toContain("Surname");
  });
});
