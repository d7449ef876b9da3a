import { createReadStream } from "node:fs";
import { access, constants, copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { logger } from "../logger";
import type { RecordingStore } from "./store";

/**
 * The file of a storage key inside `dir`, or null when the key would lead outside it (an
 * absolute path, `..`).
 */
export function recordingPath(storageKey: string, dir: string): string | null {
  const file = path.resolve(dir, storageKey);
  return file.startsWith(dir + path.sep) ? file : null;
}

/** Recordings as files under `dir` (`<DATA_DIR>/recordings`), mode 0600, never overwritten. */
export function localStore(dir: string): RecordingStore {
  const resolve = (key: string) => {
    const file = recordingPath(key, dir);
    if (!file) throw new Error("storage key escapes the recordings directory");
    return file;
  };
  return {
    kind: "local",
    location: dir,
    async saveFile(key, source) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      if (await stat(file).catch(() => null)) throw new Error("a recording with this key exists already");
      // The upload was written under DATA_DIR with mode 0600: moved, not copied, when it can be.
      try {
        await rename(source.path, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
        await copyFile(source.path, file, constants.COPYFILE_EXCL);
      }
    },
    async open(key) {
      const file = resolve(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(file), size: info.size };
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
    async removeMany(keys) {
      let done = 0;
      for (const key of keys) {
        const file = recordingPath(key, dir);
        if (!file) {
          logger().warn({ storageKey: key }, "recording key outside the recordings directory; file left alone");
          continue;
        }
        try {
          await rm(file, { force: true });
          done++;
        } catch (err) {
          logger().warn({ err: err instanceof Error ? err.message : err, storageKey: key }, "could not remove a recording file");
        }
      }
      return done;
    },
    async check() {
      try {
        await mkdir(dir, { recursive: true });
        await access(dir, constants.W_OK);
      } catch (err) {
        throw new Error(`The recordings directory ${dir} is not writable: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
