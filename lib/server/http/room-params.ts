import { roomCodeSchema, roundParamSchema } from "@/lib/validation/room";
import { parseWith } from "./respond";

/** The room code of a `[code]` route, upper-cased and checked (400 when malformed). */
export function roomParams(params: { code?: string | string[] }) {
  return { code: parseWith(roomCodeSchema, params.code) };
}

/** The room code and round number of a `[code]/rounds/[n]` route. */
export function roundParams(params: { code?: string | string[]; n?: string | string[] }) {
  return { code: parseWith(roomCodeSchema, params.code), round: parseWith(roundParamSchema, params.n) };
}
