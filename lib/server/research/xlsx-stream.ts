import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync, type ZlibOptions } from "node:zlib";
import type { SheetName } from "@/lib/validation/research";
import type { Cell, Row } from "./cells";
import type { SheetShape } from "./data-set";

/**
 * An xlsx workbook written as its rows come, never held whole in memory. Each worksheet's XML
 * is generated a page of rows at a time and deflated (Node's zlib) into a spool file of its
 * own, because every page carries rows for every sheet while a zip holds its parts one after
 * the other; `finish` then joins the compressed parts into the workbook file. Text cells are
 * shared strings (`t="s"`, never a formula, so `=HYPERLINK(…)` stays the text it is: SECURITY.md
 * 39); the string table is spooled the same way and deduplicated through a bounded index.
 * Numbers stay numbers and yes/no stays boolean; characters XML cannot carry are dropped and
 * text is cut at the 32,767 characters a cell can hold.
 */

/** Longest text a spreadsheet cell may hold. */
export const XLSX_MAX_TEXT = 32_767;

/** Texts the string table remembers for reuse; when full it starts over (memory stays bounded). */
const SHARED_INDEX_MAX = 65_536;
/** Longer texts are not remembered: they seldom repeat and would cost the index most. */
const SHARED_INDEX_TEXT_MAX = 256;
/** Bytes of XML a part gathers before they are deflated into its file, as one batch. */
const BATCH_BYTES = 512 * 1024;
const COPY_CHUNK = 256 * 1024;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

// ---------------------------------------------------------------------------------------------
// Text

// Characters XML 1.0 cannot hold at all (and so neither can a cell): dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// Anything a text needs done to it (or a space kept) before it can go into the XML as is.
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[&<>\u0000-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "_x000D_" };

/** A text as a cell holds it: without the characters XML cannot carry, at most XLSX_MAX_TEXT long (never half a surrogate pair). */
export function cellText(text: string): string {
  const clean = text.replace(NOT_XML, "");
  if (clean.length <= XLSX_MAX_TEXT) return clean;
  const high = clean.charCodeAt(XLSX_MAX_TEXT - 1);
  return clean.slice(0, high >= 0xd800 && high <= 0xdbff ? XLSX_MAX_TEXT - 1 : XLSX_MAX_TEXT);
}

/**
 * The `<t>` element of a shared string. `_xHHHH_` is how the format escapes a character, so a
 * text that has one literally gets its underscore escaped (`_x005F_`); a CR is written that
 * way too, as XML would otherwise read it as a line feed.
 */
function textElement(text: string): string {
  if (!NEEDS_WORK.test(text) && text.length <= XLSX_MAX_TEXT) return `<t>${text}</t>`;
  const t = cellText(text)
    .replace(/_(?=x[0-9a-fA-F]{4}_)/g, "_x005F_")
    .replace(/[&<>\r]/g, (c) => ENTITY[c]!);
  return /^\s|\s$|[\t\n]/.test(t) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`;
}

const escapeAttr = (s: string) => cellText(s).replace(/[&<>"]/g, (c) => (c === '"' ? "&quot;" : ENTITY[c]!));

/** The column letters of a 0-based index: A … Z, AA … */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Parts: text deflated into a spool file as it comes

/** A finished part of the package: its compressed bytes in memory or in a file. */
interface Entry {
  name: string;
  crc: number;
  size: number;
  compressedSize: number;
  data?: Buffer;
  path?: string;
}

/**
 * Output room per zlib round trip: a batch's XML deflates to well under a quarter of its size, so
 * its output comes back in one piece (zlib's default, 16 KiB, takes a trip to the main thread
 * and back for every 16 KiB).
 */
const DEFLATE_CHUNK = BATCH_BYTES / 4;
const deflateOptions = (isFinal: boolean): ZlibOptions => ({ level: 1, chunkSize: DEFLATE_CHUNK, finishFlush: isFinal ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
const deflateAsync = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);
const deflate = (bytes: Buffer, isFinal: boolean) => deflateRawSync(bytes, deflateOptions(isFinal));

/** A small part, whole. */
function entryOf(name: string, text: string): Entry {
  const bytes = Buffer.from(text, "utf8");
  const data = deflate(bytes, true);
  return { name, crc: crc32(bytes), size: bytes.length, compressedSize: data.length, data };
}

/** Bytes of an ASCII constant. */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ROW_OPEN = ascii('<row r="');
const TAG_END = ascii('">');
const ROW_CLOSE = ascii("</row>");
const NUMBER_VALUE = ascii('"><v>');
const STRING_VALUE = ascii('" t="s"><v>');
const TRUE_VALUE = ascii('" t="b"><v>1</v></c>');
const FALSE_VALUE = ascii('" t="b"><v>0</v></c>');
const CELL_CLOSE = ascii("</v></c>");
const SI_OPEN = ascii("<si>");
const SI_CLOSE = ascii("</si>");
const SI_T_OPEN = ascii("<si><t>");
const T_SI_CLOSE = ascii("</t></si>");
/** Most bytes a cell takes after its `<c r="` and letters: a row number, the longest type and value (a number as text is at most 25 characters), the close. */
const CELL_REST_MAX = 16 + 11 + 25 + 8;
/** Most bytes a row's tags take (a row number is at most 16 digits). */
const ROW_MAX = 8 + 16 + 2 + 6;

/*
 * Writers into a byte buffer at a position, returning the position after: the caller has made
 * room. Short runs are copied by hand, quicker than `set` or `write` for a few bytes.
 */

function putBytes(buf: Buffer, p: number, b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) buf[p++] = b[i]!;
  return p;
}

/** Text known to be ASCII. */
function putAscii(buf: Buffer, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  return p;
}

/** A whole number, 0 ≤ n < 2^53, in decimal. */
function putUint(buf: Buffer, p: number, n: number): number {
  let digits = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
  let rest = n;
  for (let i = p + digits - 1; i >= p; i--) {
    buf[i] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return p + digits;
}

/**
 * `<t>text</t>` when the text goes into the XML as it is: printable ASCII with nothing to
 * escape (no & < > nor an underscore that might start `_xHHHH_`), not starting or ending
 * with a space. Otherwise -1 and nothing meant to stay is written: such a text takes `textElement`.
 */
function putPlainText(buf: Buffer, p: number, text: string): number {
  const n = text.length;
  if (n && (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32)) return -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || c === 38 || c === 60 || c === 62 || c === 95) return -1;
    buf[p++] = c;
  }
  return p;
}

/** Batches being deflated at once, per part (zlib's thread pool has four threads). */
const DEFLATING_MAX = 2;
const noop = () => undefined;

/**
 * A part written into its own file as deflate output, its XML put straight into a byte buffer
 * (no string per row or cell): callers `reserve` room, write at `pos` into `buf` and move `pos`
 * on. A full buffer is a batch: its CRC and size are counted, and at the next `drain` it is
 * deflated on zlib's thread pool while the following rows are made, up to DEFLATING_MAX batches
 * at once, their output written to the file in order. Each batch is deflated on its own and
 * ended with a sync flush (the last with the final block): the pieces join into one valid
 * deflate stream.
 */
class PartFile {
  buf: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
  pos = 0;
  private batches: Buffer[] = [];
  /** Batch buffers deflated and written, to be filled again. */
  private readonly spare: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private isClosed = false;
  /** The last batch's deflate and write, which follows all the ones before. */
  private writing: Promise<void> = Promise.resolve();
  /** Batches being deflated or written, oldest first. */
  private readonly inFlight: Promise<void>[] = [];

  private constructor(
    readonly name: string,
    private readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async create(name: string, file: string): Promise<PartFile> {
    return new PartFile(name, file, await open(file, "w"));
  }

  /** Makes room for `n` more bytes at `pos`, setting the full buffer aside as a batch. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.cut();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  private cut(): void {
    if (this.pos === 0) return;
    const batch = this.buf.subarray(0, this.pos);
    this.crc = crc32(batch, this.crc);
    this.size += batch.length;
    this.batches.push(batch);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
    this.pos = 0;
  }

  /** A short run of bytes. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.pos = putBytes(this.buf, this.pos, b);
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.reserve(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Starts deflating the batches gathered, once fewer than DEFLATING_MAX are under way. */
  async drain(): Promise<void> {
    const batches = this.batches;
    this.batches = [];
    for (const batch of batches) await this.send(batch, false);
  }

  private async send(batch: Buffer, isFinal: boolean): Promise<void> {
    while (this.inFlight.length >= DEFLATING_MAX) await this.inFlight.shift();
    const deflated = deflateAsync(batch, deflateOptions(isFinal));
    // Awaited in turn below; not an unhandled rejection meanwhile.
    deflated.catch(noop);
    const before = this.writing;
    const done = (async () => {
      await before;
      const out = await deflated;
      this.compressedSize += out.length;
      await this.file.write(out);
      if (batch.byteOffset === 0 && batch.buffer.byteLength === BATCH_BYTES && this.spare.length < DEFLATING_MAX + 1) this.spare.push(Buffer.from(batch.buffer, 0, BATCH_BYTES));
    })();
    // Seen to by the next send, end or close; not an unhandled rejection meanwhile.
    done.catch(noop);
    this.writing = done;
    this.inFlight.push(done);
  }

  /** Ends the part with `tail` and closes its file. */
  async end(tail: string): Promise<Entry> {
    this.text(tail);
    this.cut();
    const batches = this.batches;
    this.batches = [];
    if (!batches.length) batches.push(Buffer.alloc(0));
    for (const [i, batch] of batches.entries()) await this.send(batch, i === batches.length - 1);
    await this.writing;
    this.inFlight.length = 0;
    await this.close();
    return { name: this.name, crc: this.crc, size: this.size, compressedSize: this.compressedSize, path: this.path };
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.writing.catch(noop);
    await this.file.close();
  }
}

/**
 * The shared-string table. Every text added gets the next index unless the index still
 * remembers it; the index holds at most SHARED_INDEX_MAX texts and is emptied when full, so a
 * text may be in the table more than once (which readers accept) but memory stays bounded.
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  constructor(readonly part: PartFile) {
    part.text(`${XML_HEAD}<sst xmlns="${NS_MAIN}">`);
  }

  /** Texts in the table so far (the next one's index). */
  get size(): number {
    return this.count;
  }

  /** The index of a text: where the index remembers it, or a new entry. */
  indexOf(text: string): number {
    const seen = this.index.get(text);
    if (seen !== undefined) return seen;
    const i = this.add(text);
    if (text.length <= SHARED_INDEX_TEXT_MAX) {
      if (this.index.size >= SHARED_INDEX_MAX) this.index.clear();
      this.index.set(text, i);
    }
    return i;
  }

  /** A new entry, not looked up nor remembered (for texts that do not repeat). */
  add(text: string): number {
    const part = this.part;
    if (text.length <= SHARED_INDEX_TEXT_MAX) {
      part.reserve(SI_T_OPEN.length + text.length + T_SI_CLOSE.length);
      const p = putPlainText(part.buf, putBytes(part.buf, part.pos, SI_T_OPEN), text);
      if (p >= 0) {
        part.pos = putBytes(part.buf, p, T_SI_CLOSE);
        return this.count++;
      }
    }
    part.bytes(SI_OPEN);
    part.text(textElement(text));
    part.bytes(SI_CLOSE);
    return this.count++;
  }

  end(): Promise<Entry> {
    return this.part.end("</sst>");
  }
}

/** Texts of a column looked up before deciding whether its texts repeat. */
const UNIQUE_PROBE = 2048;
/** Fewer repeats than this among them, and the column's texts are no longer looked up. */
const UNIQUE_HITS = 64;

/**
 * One worksheet: its rows as XML, the header row first. A column whose texts hardly repeat
 * (times, codes) soon stops being looked up in the string table, which would only churn it.
 */
class WorksheetPart {
  private rows = 0;
  private readonly columns: string[];
  /** `<c r="` and the column's letters, per column. */
  private readonly cellOpen: Uint8Array[];
  /** Most bytes a row of this sheet takes. */
  private readonly rowMax: number;
  /** Scratch room for a row number's digits. */
  private readonly rowDigits = Buffer.alloc(16);
  private readonly lookups: number[];
  private readonly hits: number[];
  private readonly isUnique: boolean[];
  /** Per column, the text last looked up and its entry in the string table. */
  private readonly lastText: (string | undefined)[];
  private readonly lastIndex: number[];

  constructor(
    readonly shape: SheetShape,
    readonly part: PartFile,
    private readonly strings: SharedStrings,
  ) {
    this.columns = shape.columns.map((c) => c.name);
    this.cellOpen = this.columns.map((_, i) => ascii(`<c r="${columnLetters(i)}`));
    this.rowMax = this.cellOpen.reduce((n, b) => n + b.length + CELL_REST_MAX, ROW_MAX);
    this.lookups = this.columns.map(() => 0);
    this.hits = this.columns.map(() => 0);
    this.isUnique = this.columns.map(() => false);
    this.lastText = this.columns.map(() => undefined);
    this.lastIndex = this.columns.map(() => 0);
    // Column widths as the workbook had them: the header's length, between 10 and 40 characters.
    const cols = this.columns.map((n, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(10, n.length + 2)) + 0.7109375}" customWidth="1"/>`).join("");
    part.text(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
    this.add([Object.fromEntries(this.columns.map((n) => [n, n]))]);
  }

  add(rows: readonly Row[]): void {
    const { columns, cellOpen, strings, part, isUnique } = this;
    const digits = this.rowDigits;
    const rowMax = this.rowMax;
    for (const row of rows) {
      // The row number's digits, once for all its cells.
      const r = ++this.rows;
      const rowLength = putUint(digits, 0, r);
      part.reserve(rowMax);
      const buf = part.buf;
      let p = putBytes(buf, part.pos, ROW_OPEN);
      for (let i = 0; i < rowLength; i++) buf[p++] = digits[i]!;
      p = putBytes(buf, p, TAG_END);
      for (let c = 0; c < columns.length; c++) {
        const v: Cell | undefined = row[columns[c]!];
        // null or missing: no cell at all; so too a number that is not finite
        if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) continue;
        p = putBytes(buf, p, cellOpen[c]!);
        for (let i = 0; i < rowLength; i++) buf[p++] = digits[i]!;
        if (typeof v === "string") {
          // (the string table is a part of its own: writing there leaves `buf` and `p` as they are)
          const i = isUnique[c] ? strings.add(v) : this.lookUp(c, v);
          p = putUint(buf, putBytes(buf, p, STRING_VALUE), i);
          p = putBytes(buf, p, CELL_CLOSE);
        } else if (typeof v === "number") {
          p = putBytes(buf, p, NUMBER_VALUE);
          p = Number.isSafeInteger(v) && v >= 0 ? putUint(buf, p, v) : putAscii(buf, p, String(v));
          p = putBytes(buf, p, CELL_CLOSE);
        } else p = putBytes(buf, p, v ? TRUE_VALUE : FALSE_VALUE);
      }
      part.pos = putBytes(buf, p, ROW_CLOSE);
    }
  }

  private lookUp(c: number, text: string): number {
    const size = this.strings.size;
    // The same text as the row above (a room's code, a role) needs no look-up: its entry stays in the table.
    const i = text === this.lastText[c] ? this.lastIndex[c]! : this.strings.indexOf(text);
    this.lastText[c] = text;
    this.lastIndex[c] = i;
    if (i < size) this.hits[c]!++;
    if (++this.lookups[c]! === UNIQUE_PROBE && this.hits[c]! < UNIQUE_HITS) this.isUnique[c] = true;
    return i;
  }

  end(): Promise<Entry> {
    return this.part.end("</sheetData></worksheet>");
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook

/**
 * A workbook being written: created with its sheets (in order), fed rows a page at a time with
 * `append`, and written out with `finish`. Its spool files live in `dir` (the caller's, which
 * the caller removes); `close` closes them when the work stops early.
 */
export class XlsxFile {
  private isFinished = false;

  private constructor(
    private readonly sheets: Map<SheetName, WorksheetPart>,
    private readonly strings: SharedStrings,
  ) {}

  static async create(dir: string, shapes: readonly SheetShape[]): Promise<XlsxFile> {
    const parts: PartFile[] = [];
    try {
      const spool = async (name: string, file: string) => {
        const part = await PartFile.create(name, path.join(/*turbopackIgnore: true*/ dir, file));
        parts.push(part);
        return part;
      };
      const strings = new SharedStrings(await spool("xl/sharedStrings.xml", "xlsx-shared-strings.deflated"));
      const sheets = new Map<SheetName, WorksheetPart>();
      for (const [i, shape] of shapes.entries()) {
        sheets.set(shape.name, new WorksheetPart(shape, await spool(`xl/worksheets/sheet${i + 1}.xml`, `xlsx-sheet${i + 1}.deflated`), strings));
      }
      return new XlsxFile(sheets, strings);
    } catch (e) {
      for (const p of parts) await p.close().catch(() => undefined);
      throw e;
    }
  }

  /** Appends rows to a sheet; rows of a sheet the workbook does not have are ignored. */
  async append(name: SheetName, rows: readonly Row[]): Promise<void> {
    const sheet = this.sheets.get(name);
    if (!sheet || !rows.length) return;
    sheet.add(rows);
    await sheet.part.drain();
    await this.strings.part.drain();
  }

  /** Writes the workbook into `out` (from its current position); `mtime` dates the zip entries. */
  async finish(out: FileHandle, mtime: Date): Promise<void> {
    const sheets = [...this.sheets.values()];
    const entries: Entry[] = [];
    for (const s of sheets) entries.push(await s.end());
    entries.push(await this.strings.end());
    this.isFinished = true;
    const n = sheets.length;
    const ids = sheets.map((_, i) => i + 1);
    const small = [
      entryOf(
        "[Content_Types].xml",
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.worksheet+xml"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
      ),
      entryOf("_rels/.rels", `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      entryOf(
        "xl/workbook.xml",
        `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escapeAttr(s.shape.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
      ),
      entryOf(
        "xl/_rels/workbook.xml.rels",
        `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${ids.map((i) => `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("")}<Relationship Id="rId${n + 1}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
      entryOf(
        "xl/styles.xml",
        `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
      ),
    ];
    await writeZip([...small, ...entries], mtime, out);
  }

  /** Closes the spool files (finish does so itself); the files stay for the caller to remove. */
  async close(): Promise<void> {
    if (this.isFinished) return;
    this.isFinished = true;
    for (const p of [...[...this.sheets.values()].map((s) => s.part), this.strings.part]) await p.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// The zip around the parts

/** MS-DOS date and time (local, 2-second steps), as zip entries carry them. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return { date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(), time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1) };
}

/** A zip of already deflated entries, in order, into `out`: local headers with the data, then the central directory. */
async function writeZip(entries: readonly Entry[], mtime: Date, out: FileHandle): Promise<void> {
  const { date, time } = dosDateTime(mtime);
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.size > 0xffffffff || e.compressedSize > 0xffffffff || offset > 0xffffffff) throw new Error("The workbook is too large for a zip without ZIP64.");
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    await out.write(local);
    if (e.data) await out.write(e.data);
    else await copyFile(e.path!, out);

    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    directory.push(central);
    offset += local.length + e.compressedSize;
  }
  if (offset > 0xffffffff) throw new Error("The workbook is too large for a zip without ZIP64.");
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  await out.write(dir);
  await out.write(end);
}

async function copyFile(from: string, out: FileHandle): Promise<void> {
  const file = await open(/*turbopackIgnore: true*/ from, "r");
  try {
    const buffer = new Uint8Array(COPY_CHUNK);
    for (let n = 0; (n = (await file.read(buffer, 0, buffer.length, null)).bytesRead) > 0; ) await out.write(buffer, 0, n);
  } finally {
    await file.close();
  }
}
