// Duplicate-patient candidates: records are blocked on birth date + sex, and within a block compared by
// fuzzy name similarity. Memory is bounded: a block keeps at most MAX_BLOCK records (further records of
// an oversized block — usually a sentinel birth date — are counted, not compared).
import { distance } from "fastest-levenshtein";
import { maskYear } from "./mask";
import type { MaskedExample } from "./types";

export const MAX_BLOCK = 250;


/** Levenshtein distance, counting one adjacent transposition ("Mray" for "Mary") as one edit. */
function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return 1;
  return d;
}

/** Names are close when they differ by one edit, or by at most 20 % of the longer one. */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  const d = editDistance(a, b);
  return d <= 1 || d / Math.max(a.length, b.length) <= 0.2;
}

const NICKNAME_GROUPS = [
  "william bill billy will willy liam", "elizabeth liz lizzie beth betty eliza betsy libby", "robert bob bobby rob robbie bert",
  "richard dick rick ricky rich", "james jim jimmy jamie", "john jack johnny jon", "margaret maggie peggy meg marge greta",
  "katherine kate kathy katie kat catherine cathy kathleen", "michael mike mikey mick", "thomas tom tommy", "joseph joe joey",
  "charles charlie chuck chas", "christopher chris topher", "daniel dan danny", "matthew matt", "anthony tony",
  "steven steve stephen stevie", "edward ed eddie ted ned", "patricia pat patty trish tricia", "jennifer jen jenny",
  "susan sue susie suzanne", "deborah deb debbie debra", "barbara barb barbie", "rebecca becky becca", "kimberly kim",
  "jessica jess jessie", "samantha sam sammy", "samuel sam sammy", "benjamin ben benny", "andrew andy drew",
  "nicholas nick nicky", "alexander alex al xander", "alexandra alex lexi sandra", "timothy tim timmy", "kenneth ken kenny",
  "ronald ron ronnie", "donald don donnie", "gregory greg", "jeffrey jeff", "gerald jerry gerry", "lawrence larry",
  "raymond ray", "francis frank frankie fran", "harold hal harry", "henry hank harry", "walter walt wally", "peter pete",
  "douglas doug", "patrick pat paddy", "victoria vicky tori", "christine chris tina chrissy", "theresa terry tess tessa teresa",
  "cynthia cindy", "pamela pam", "dorothy dot dottie dolly", "judith judy", "abigail abby", "jacqueline jackie",
  "frederick fred freddie", "albert al bert", "eugene gene", "leonard len lenny leo", "vincent vince vinny",
  "phillip phil philip", "zachary zach zack", "joshua josh", "jonathan jon johnny", "nathan nate nathaniel",
  "melissa missy mel", "angela angie", "stephanie steph stevie", "virginia ginny ginger", "mildred millie",
  "jacob jake", "david dave davey", "susanna susie", "allison allie ali", "natalie nat", "olivia liv livvy",
  "gabriel gabe", "gabrielle gabby", "isabella izzy bella", "sophia sophie", "evelyn evie", "madeline maddie madison",
  "carolyn carol carrie", "catherine cate", "nancy nan", "helen nell", "ann anne annie anna", "mary molly polly mae",
];
const NICK = new Map<string, Set<number>>();
NICKNAME_GROUPS.forEach((g, i) => g.split(" ").forEach((n) => (NICK.get(n) ?? NICK.set(n, new Set()).get(n)!).add(i)));
/** "bill" and "william" are one given name. */
function sameByNickname(a: string, b: string): boolean {
  const x = NICK.get(a);
  const y = NICK.get(b);
  if (!x || !y) return false;
  for (const i of x) if (y.has(i)) return true;
  return false;
}

/** The matching rule: close family and given names, swapped names, or an initial/short form of the given name. */
export function namesMatch(f1: string, g1: string, f2: string, g2: string): boolean {
  if (!f1 || !f2) return false;
  if (close(f1, f2)) {
    if (!g1 || !g2) return f1 === f2;
    if (close(g1, g2) || sameByNickname(g1, g2)) return true;
    return g1[0] === g2[0] && (g1.startsWith(g2) || g2.startsWith(g1)); // initial or short form
  }
  if (f1 === g2 && g1 === f2) return true; // family and given swapped
  // hyphenated or double family name kept partly: "smithjones" vs "smith"
  if (Math.min(f1.length, f2.length) >= 4 && (f1.startsWith(f2) || f2.startsWith(f1) || f1.endsWith(f2) || f2.endsWith(f1)))
    return !!g1 && !!g2 && close(g1, g2);
  return false;
}

/** Initials and lengths packed into one small integer (what a masked example needs, nothing more). */
function packMask(family: string, given: string): number {
  const init = (v: string) => {
    const c = v.trim().charAt(0).toUpperCase().charCodeAt(0);
    return c >= 65 && c <= 90 ? c - 64 : 0;
  };
  return (init(family) << 17) | (Math.min(63, family.trim().length) << 11) | (init(given) << 6) | Math.min(63, given.trim().length);
}
function unpackMask(m: number): string {
  const part = (init: number, len: number) => `${init ? String.fromCharCode(64 + init) : "?"}… (${len})`;
  return `${part((m >> 17) & 31, (m >> 11) & 63)} ${part((m >> 6) & 31, m & 63)}`;
}

/** 30-bit FNV-1a hash of a patient id: blocks keep the hash, not the id (collisions: ~1e-9 per comparison). */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 2) | 1; // never 0 (0 = no id)
}

/** A growable Int32 column (doubling; the old buffer is dropped at once). */
class IntColumn {
  data = new Int32Array(1 << 14);
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

/**
 * Memory layout (issue 10 bench: 1,000,000 patients within a 300 MB process): names are interned — each
 * distinct normalised name is stored once and records hold its number — and a record is one slot in six
 * Int32 columns (family, given, id hash, row, mask, previous record of its block): 24 bytes a record. A
 * block is a chain through `prev`, its head and size kept in one Map entry per block (birth date + sex).
 */
export class DuplicateFinder {
  private heads = new Map<number, number>(); // block key → newest record index + 1
  private sizes = new Map<number, number>(); // block key → records kept
  private nameIds = new Map<string, number>();
  private names: string[] = [""];
  private fam = new IntColumn();
  private giv = new IntColumn();
  private ids = new IntColumn();
  private rows = new IntColumn();
  private masks = new IntColumn();
  private prev = new IntColumn();
  private records = 0;
  private seenPairs = new Set<string>();
  pairs = 0;
  patients = 0;
  unblockable = 0;
  cappedRecords = 0;
  examples: MaskedExample[] = [];
  pairRows: [number, number][] | null;

  /** @param sameNameIsSameRecord without a patient id, identical names in a block are one patient repeated */
  constructor(
    collectPairs: boolean,
    private readonly sameNameIsSameRecord: boolean,
  ) {
    this.pairRows = collectPairs ? [] : null;
  }

  private nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      // a long name may be a slice of the parsed chunk: copy it so the map does not keep the chunk alive
      const own = name.length >= 13 ? Buffer.from(name, "latin1").toString("latin1") : name;
      id = this.names.length;
      this.names.push(own);
      this.nameIds.set(own, id);
    }
    return id;
  }

  /**
   * One patient record. `family`/`given` are normalised (letters only), `rawFamily`/`rawGiven` only give
   * initials and lengths; `birthKey` is a day number (0 = unknown); `sex` "f" | "m" | "u".
   */
  add(row: number, patientId: string, family: string, given: string, rawFamily: string, rawGiven: string, birthKey: number, birthYear: number, sex: string): void {
    if (!birthKey || !family) {
      this.unblockable++;
      return;
    }
    const key = birthKey * 3 + (sex === "f" ? 0 : sex === "m" ? 1 : 2);
    const head = this.heads.get(key) ?? 0;
    const id = patientId ? idHash(patientId) : 0;
    const famId = this.nameId(family);
    const givId = given ? this.nameId(given) : 0;
    for (let r = head; r; r = this.prev.get(r - 1)) {
      const i = r - 1;
      if (id ? this.ids.get(i) === id : this.sameNameIsSameRecord && this.fam.get(i) === famId && this.giv.get(i) === givId) return; // same patient again
    }
    this.patients++;
    for (let r = head; r; r = this.prev.get(r - 1)) {
      const i = r - 1;
      if (namesMatch(family, given, this.names[this.fam.get(i)]!, this.names[this.giv.get(i)]!)) {
        const otherMask = this.masks.get(i);
        const otherId = this.ids.get(i);
        this.recordPair(this.rows.get(i), row, otherId ? String(otherId) : "", id ? String(id) : "", () => `${unpackMask(otherMask)} ↔ ${unpackMask(packMask(rawFamily, rawGiven))}, born ${maskYear(birthYear)}`);
      }
    }
    const size = this.sizes.get(key) ?? 0;
    if (size >= MAX_BLOCK) {
      this.cappedRecords++;
      return;
    }
    const i = this.records++;
    this.fam.set(i, famId);
    this.giv.set(i, givId);
    this.ids.set(i, id);
    this.rows.set(i, row);
    this.masks.set(i, packMask(rawFamily, rawGiven));
    this.prev.set(i, head);
    this.heads.set(key, i + 1);
    this.sizes.set(key, size + 1);
  }

  /** A pair known from the source itself (e.g. a FHIR Patient.link left half-done). */
  addKnownPair(idA: string, idB: string, rowA: number, rowB: number, masked: string): void {
    this.recordPair(rowA, rowB, String(idHash(idA)), String(idHash(idB)), () => masked);
  }

  private recordPair(rowA: number, rowB: number, idA: string, idB: string, masked: () => string): void {
    const key = idA && idB ? (idA < idB ? `${idA}:${idB}` : `${idB}:${idA}`) : `r${Math.min(rowA, rowB)}:${Math.max(rowA, rowB)}`;
    if (this.seenPairs.has(key)) return;
    this.seenPairs.add(key);
    this.pairs++;
    this.pairRows?.push([Math.min(rowA, rowB), Math.max(rowA, rowB)]);
    if (this.examples.length < 3) this.examples.push({ row: Math.max(rowA, rowB), masked: masked(), note: rowA === rowB ? "linked records" : `rows ${Math.min(rowA, rowB)} and ${Math.max(rowA, rowB)}` });
  }
}
