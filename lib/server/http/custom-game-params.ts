import { customGameCodeSchema } from "@/lib/validation/custom-game";
import { parseWith } from "./respond";

/** The code of a `custom-games/[code]` route, upper-cased and checked (400 when malformed). */
export const gameCode = (params: { code?: string | string[] }) => parseWith(customGameCodeSchema, params.code);
