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

const deflateOptions = (isFinal: boolean): ZlibOptions => ({ level: 1, finishFlush: isFinal ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
const deflateAsync = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);
const deflate = (bytes: Buffer, isFinal: boolean) => deflateRawSync(bytes, deflateOptions(isFinal));

/** A small part, whole. */
function entryOf(name: string, text: string): Entry {
  const bytes = Buffer.from(text, "utf8");
  const data = deflate(bytes, true);
  return { name, crc: crc32(bytes), size: bytes.length, compressedSize: data.length, data };
}

/** Bytes of an ASCII constant, for `PartFile.bytes`. */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ROW_OPEN = ascii('<row r="');
const TAG_END = ascii('">');
const ROW_CLOSE = ascii("</row>");
const CELL_OPEN = ascii('<c r="');
const NUMBER_VALUE = ascii('"><v>');
const STRING_VALUE = ascii('" t="s"><v>');
const TRUE_VALUE = ascii('" t="b"><v>1</v></c>');
const FALSE_VALUE = ascii('" t="b"><v>0</v></c>');
const CELL_CLOSE = ascii("</v></c>");
const SI_OPEN = ascii("<si>");
const SI_CLOSE = ascii("</si>");

/**
 * A part written into its own file as deflate output, its XML put straight into a byte buffer
 * (no string per row or cell). A full buffer is a batch: its CRC and size are counted, and at
 * the next `drain` it is deflated on zlib's thread pool while the following rows are made, one
 * batch after the other. Each batch is deflated on its own and ended with a sync flush (the last
 * with the final block): the pieces join into one valid deflate stream.
 */
class PartFile {
  private buf: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
  private pos = 0;
  private batches: Buffer[] = [];
  /** Batch buffers deflated and written, to be filled again. */
  private readonly spare: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private isClosed = false;
  /** The batches being deflated and written, if any. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly name: string,
    private readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async create(name: string, file: string): Promise<PartFile> {
    return new PartFile(name, file, await open(file, "w"));
  }

  /** Makes room for `n` more bytes, setting the full buffer aside as a batch. */
  private room(n: number): void {
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

  /** A short run of bytes (copied by hand: quicker than `set` for a few bytes). */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < b.length; i++) buf[p++] = b[i]!;
    this.pos = p;
  }

  /** Short text known to be ASCII (cell references, numbers). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A whole number, 0 ≤ n < 2^53, in decimal. */
  uint(n: number): void {
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    this.room(digits);
    const buf = this.buf;
    let rest = n;
    for (let i = this.pos + digits - 1; i >= this.pos; i--) {
      buf[i] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.pos += digits;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Once batches have gathered, waits for the ones before and starts deflating these. */
  async drain(): Promise<void> {
    if (!this.batches.length) return;
    await this.writing;
    const batches = this.batches;
    this.batches = [];
    this.writing = this.write(batches, false);
    // Seen to by the next drain, end or close; not an unhandled rejection meanwhile.
    this.writing.catch(() => undefined);
  }

  private async write(batches: readonly Buffer[], isFinal: boolean): Promise<void> {
    for (const [i, batch] of batches.entries()) {
      const out = await deflateAsync(batch, deflateOptions(isFinal && i === batches.length - 1));
      this.compressedSize += out.length;
      await this.file.write(out);
      if (batch.byteOffset === 0 && batch.buffer.byteLength === BATCH_BYTES && this.spare.length < 2) this.spare.push(Buffer.from(batch.buffer, 0, BATCH_BYTES));
    }
  }

  /** Ends the part with `tail` and closes its file. */
  async end(tail: string): Promise<Entry> {
    this.text(tail);
    this.cut();
    await this.writing;
    const batches = this.batches;
    this.batches = [];
    await this.write(batches.length ? batches : [Buffer.alloc(0)], true);
    await this.close();
    return { name: this.name, crc: this.crc, size: this.size, compressedSize: this.compressedSize, path: this.path };
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.writing.catch(() => undefined);
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
    this.part.bytes(SI_OPEN);
    this.part.text(textElement(text));
    this.part.bytes(SI_CLOSE);
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
  private readonly letters: string[];
  private readonly lookups: number[];
  private readonly hits: number[];
  private readonly isUnique: boolean[];

  constructor(
    readonly shape: SheetShape,
    readonly part: PartFile,
    private readonly strings: SharedStrings,
  ) {
    this.columns = shape.columns.map((c) => c.name);
    this.letters = this.columns.map((_, i) => columnLetters(i));
    this.lookups = this.columns.map(() => 0);
    this.hits = this.columns.map(() => 0);
    this.isUnique = this.columns.map(() => false);
    // Column widths as the workbook had them: the header's length, between 10 and 40 characters.
    const cols = this.columns.map((n, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(10, n.length + 2)) + 0.7109375}" customWidth="1"/>`).join("");
    part.text(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
    this.add([Object.fromEntries(this.columns.map((n) => [n, n]))]);
  }

  add(rows: readonly Row[]): void {
    const { columns, letters, strings, part } = this;
    for (const row of rows) {
      const r = String(++this.rows);
      part.bytes(ROW_OPEN);
      part.ascii(r);
      part.bytes(TAG_END);
      for (let c = 0; c < columns.length; c++) {
        const v: Cell | undefined = row[columns[c]!];
        // null or missing: no cell at all; so too a number that is not finite
        if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) continue;
        part.bytes(CELL_OPEN);
        part.ascii(letters[c]!);
        part.ascii(r);
        if (typeof v === "string") {
          const i = this.isUnique[c] ? strings.add(v) : this.lookUp(c, v);
          part.bytes(STRING_VALUE);
          part.uint(i);
          part.bytes(CELL_CLOSE);
        } else if (typeof v === "number") {
          part.bytes(NUMBER_VALUE);
          if (Number.isSafeInteger(v) && v >= 0) part.uint(v);
          else part.ascii(String(v));
          part.bytes(CELL_CLOSE);
        } else part.bytes(v ? TRUE_VALUE : FALSE_VALUE);
      }
      part.bytes(ROW_CLOSE);
    }
  }

  private lookUp(c: number, text: string): number {
    const size = this.strings.size;
    const i = this.strings.indexOf(text);
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
