/**
 * Whether a room records its players' voices. The rule is the room's, not each player's: a
 * round is recorded only while everyone seated agreed to voice recording, so nobody's voice
 * ends up in a recording they did not agree to. The snapshot says it (`isRecordingAllowed`),
 * clients record only then, and the upload route refuses recordings otherwise.
 */

/** The phases of a round in which a player's microphone is recorded (from the individual choice to the reveal). */
export const RECORDED_PHASES = ["INDIVIDUAL", "DISCUSSION", "CONSENSUS"] as const;

/** Someone is seated, and everyone seated agreed to voice recording (empty seats do not count). */
export function isRecordingAllowed(seats: readonly { userId: string | null; voiceConsent: boolean }[]): boolean {
  const seated = seats.filter((s) => s.userId !== null);
  return seated.length > 0 && seated.every((s) => s.voiceConsent);
}
