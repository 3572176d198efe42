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

/**
 * A block is one flat array: [family, given, idHash, row, mask, family, given, …]. One array per block
 * (not five) matters: most blocks hold a handful of records, and an array's fixed overhead would dominate.
 */
const STRIDE = 5;

export class DuplicateFinder {
  private blocks = new Map<number, (string | number)[]>();
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
    let b = this.blocks.get(key);
    if (!b) {
      b = [];
      this.blocks.set(key, b);
    }
    const id = patientId ? idHash(patientId) : 0;
    const n = b.length;
    for (let i = 0; i < n; i += STRIDE) {
      if (id ? b[i + 2] === id : this.sameNameIsSameRecord && b[i] === family && b[i + 1] === given) return; // same patient again
    }
    this.patients++;
    for (let i = 0; i < n; i += STRIDE) {
      if (namesMatch(family, given, b[i] as string, b[i + 1] as string)) {
        const otherMask = b[i + 4] as number;
        const otherId = b[i + 2] as number;
        this.recordPair(b[i + 3] as number, row, otherId ? String(otherId) : "", id ? String(id) : "", () => `${unpackMask(otherMask)} ↔ ${unpackMask(packMask(rawFamily, rawGiven))}, born ${maskYear(birthYear)}`);
      }
    }
    if (n >= MAX_BLOCK * STRIDE) {
      this.cappedRecords++;
      return;
    }
    b.push(family, given, id, row, packMask(rawFamily, rawGiven));
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
