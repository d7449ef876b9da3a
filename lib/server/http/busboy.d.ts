// The multipart parser Next.js ships (busboy 1.x, next/dist/compiled/busboy), used to read
// recording uploads as they arrive (lib/server/http/receive-upload.ts). Only what we use.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  interface Limits {
    fieldNameSize?: number;
    fieldSize?: number;
    fields?: number;
    fileSize?: number;
    files?: number;
    parts?: number;
    headerPairs?: number;
  }

  interface Busboy extends Writable {
    on(event: "file", listener: (name: string, stream: Readable, info: { filename: string; encoding: string; mimeType: string }) => void): this;
    on(event: "field", listener: (name: string, value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => void): this;
    on(event: "partsLimit" | "filesLimit" | "fieldsLimit" | "close" | "finish", listener: () => void): this;
    on(event: "error", listener: (err: Error) => void): this;
  }

  function busboy(config: { headers: Record<string, string>; limits?: Limits }): Busboy;
  export = busboy;
}
