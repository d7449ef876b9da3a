import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "next/dist/compiled/busboy";
import { AppError, isAppError } from "../errors";

/** A file part of an upload, written to the disk as it came. */
export interface ReceivedFile {
  /** A new file (mode 0600) the caller removes once done with it (moving it away is fine). */
  path: string;
  size: number;
  /** Its first 16 bytes, to tell the format by. */
  head: Uint8Array;
}

export interface ReceivedUpload {
  /** The text fields; a file part under another name is there as `undefined`, for a strict schema to refuse. */
  fields: Record<string, string | undefined>;
  file: ReceivedFile | null;
}

const HEAD_BYTES = 16;
/** Room for the text fields and the parts' headers beside the file. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

/**
 * Reads a multipart/form-data body as it arrives (415 for another type). Text fields (small)
 * are kept; the part named `fileField` goes straight to a new file in `dir`, so memory holds
 * a chunk at a time, never the file. Past `maxBytes` of file the reading stops at once (413)
 * and the partial file is removed; a form that cannot be read is a 400.
 */
export async function receiveUpload(req: Request, opts: { fileField: string; maxBytes: number; dir: string }): Promise<ReceivedUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data.");
  const declared = Number(req.headers.get("content-length"));
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The recording may be at most ${opts.maxBytes} bytes.`);
  if (Number.isFinite(declared) && declared > opts.maxBytes + FORM_OVERHEAD_BYTES) throw tooLarge();
  if (!req.body) throw new AppError("VALIDATION_ERROR", "The form is empty.");
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { fields: 20, fieldSize: 1024, files: 4, fileSize: opts.maxBytes, parts: 24 } });
  } catch {
    throw new AppError("VALIDATION_ERROR", "The form could not be read.");
  }
  await mkdir(opts.dir, { recursive: true, mode: 0o700 });

  const source = Readable.fromWeb(req.body as NodeReadableStream);
  const upload: ReceivedUpload = { fields: {}, file: null };
  const writes: Promise<void>[] = [];
  let failure: AppError | null = null;
  parser.on("field", (name, value) => (upload.fields[name] = value));
  parser.on("file", (name, stream) => {
    if (name !== opts.fileField || upload.file) {
      upload.fields[name] = undefined;
      stream.resume();
      return;
    }
    const file: ReceivedFile = { path: path.join(opts.dir, `${randomUUID()}.part`), size: 0, head: new Uint8Array(0) };
    upload.file = file;
    stream.on("data", (chunk: Buffer) => {
      if (file.head.length < HEAD_BYTES) file.head = Buffer.concat([file.head, chunk.subarray(0, HEAD_BYTES - file.head.length)]);
      file.size += chunk.length;
    });
    stream.once("limit", () => {
      failure = tooLarge();
      source.destroy(failure);
    });
    writes.push(pipeline(stream, createWriteStream(file.path, { flags: "wx", mode: 0o600 })));
  });

  try {
    await pipeline(source, parser);
    await Promise.all(writes);
    return upload;
  } catch (e) {
    await Promise.allSettled(writes);
    if (upload.file) await rm(upload.file.path, { force: true });
    if (failure) throw failure;
    if (isAppError(e)) throw e;
    // A file that could not be written is ours; anything else is a form that could not be read.
    if (e && typeof e === "object" && "syscall" in e) throw e;
    throw new AppError("VALIDATION_ERROR", "The form could not be read.");
  }
}
