/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * A code of `length` characters from CODE_ALPHABET, drawn from `randomBytes`
 * (one byte per character, rejection-sampled so every character is equally likely).
 */
export function makeCode(length: number, randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** True when `code` is `length` characters of CODE_ALPHABET. */
export function isCode(code: string, length: number): boolean {
  return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}
