import type { SheetName } from "@/lib/validation/research";

/**
 * The columns of every export sheet with what each means. The README sheet is made from
 * these, so a column cannot exist without a description.
 */

export interface Column {
  name: string;
  description: string;
}

const col = (name: string, description: string): Column => ({ name, description });

const ROOM_CODE = col("room_code", "The room's 6-character code.");
const PARTICIPANT = col("participant_code", "Pseudonymous participant code (never a name, e-mail or account id).");
const SEAT = col("seat", "Seat number, 0-2.");
const ROLE_INDEX = col("role_index", "Position of the stakeholder role in the scenario, 0-2 (empty before roles were dealt).");
const ROLE_NAME = col("role_name", "Name of the stakeholder role played from that seat.");
const ROUND = col("round", "Round number, 1-based.");

/** Columns of the wide sheet before the per-round block. */
export const WIDE_BASE_COLUMNS: Column[] = [
  PARTICIPANT,
  ROOM_CODE,
  col("scenario_slug", "Stable key of a built-in scenario (shared by its languages); empty for custom games."),
  col("scenario_title", "Title of the scenario as played."),
  col("scenario_locale", "Language of the scenario (ko, en)."),
  SEAT,
  ROLE_INDEX,
  ROLE_NAME,
  col("is_test", "true when the room was marked as a test room."),
  col("started_at", "When the game left the waiting room (ISO-8601, UTC)."),
  col("finished_at", "When the room finished or was abandoned (ISO-8601, UTC)."),
  col("completed", "true when every round was played to the end (phase FINISHED)."),
];

/** The per-round block of the wide sheet; `n` is the round number. */
export function wideRoundColumns(n: number): Column[] {
  const r = `r${n}`;
  return [
    col(`${r}_choice`, `Round ${n}: the participant's individual choice as an option index, 0-based (empty: missing).`),
    col(`${r}_choice_label`, `Round ${n}: label of the individual choice.`),
    col(`${r}_confidence`, `Round ${n}: confidence in the individual choice, 1-5.`),
    col(`${r}_consensus`, `Round ${n}: the group's consensus as an option index, 0-based (empty: none reached).`),
    col(`${r}_consensus_label`, `Round ${n}: label of the consensus option.`),
    col(`${r}_consensus_confidence`, `Round ${n}: the participant's confidence in the consensus, 1-5.`),
    col(`${r}_time_to_choose_s`, `Round ${n}: seconds from the start of the individual phase to the participant's choice, without the time the room was paused.`),
  ];
}

/** Every column of the wide sheet for rounds 1..rounds. */
export function wideColumns(rounds: number): Column[] {
  const out = [...WIDE_BASE_COLUMNS];
  for (let n = 1; n <= rounds; n++) out.push(...wideRoundColumns(n));
  return out;
}

export const FIXED_COLUMNS: Record<Exclude<SheetName, "wide">, Column[]> = {
  choices: [
    ROOM_CODE,
    PARTICIPANT,
    SEAT,
    ROLE_NAME,
    ROUND,
    col("choice", "Individual choice as an option index, 0-based (empty: missing)."),
    col("choice_label", "Label of the chosen option."),
    col("confidence", "Confidence in the choice, 1-5 (empty: missing)."),
    col("missing", "true when no answer was given before the timer ran out."),
    col("submitted_at", "When the choice (or its absence) was recorded (ISO-8601, UTC)."),
    col("time_to_choose_s", "Seconds from the start of the individual phase to the choice, without the time the room was paused (empty when missing)."),
  ],
  consensus: [
    ROOM_CODE,
    ROUND,
    col("consensus", "The group's consensus as an option index, 0-based (empty: none)."),
    col("consensus_label", "Label of the consensus option."),
    col("status", "reached; timed_out (no agreement before the timer ran out); not_recorded (the room never finished this round's consensus phase)."),
    col("reached", "true when the group agreed on an option."),
    col("missing", "true when there is no consensus for this round (timed out or not recorded)."),
    col("proposer_code", "Participant code of whoever proposed the agreed option (empty when unknown, withdrawn or without data consent)."),
    col("reached_at", "When the consensus phase's outcome was recorded (ISO-8601, UTC)."),
  ],
  consensus_confidence: [
    ROOM_CODE,
    PARTICIPANT,
    SEAT,
    ROLE_NAME,
    ROUND,
    col("consensus", "The group's consensus in this round as an option index, 0-based."),
    col("consensus_confidence", "The participant's confidence in the consensus, 1-5 (empty: missing)."),
    col("missing", "true when no confidence was given before the timer ran out."),
    col("submitted_at", "When it was recorded (ISO-8601, UTC)."),
  ],
  rooms: [
    ROOM_CODE,
    col("scenario_slug", "Stable key of a built-in scenario; empty for custom games."),
    col("scenario_title", "Title of the scenario."),
    col("scenario_locale", "Language of the scenario."),
    col("scenario_source", "BUILTIN, CUSTOM or AI."),
    col("visibility", "public (listed in the lobby) or private (code, link or QR only)."),
    col("is_research", "true for a research room (data consent required to play)."),
    col("is_test", "true for a test room."),
    col("phase", "The room's phase now: WAITING, ROLES, INDIVIDUAL, DISCUSSION, CONSENSUS, REVEAL, FINISHED, ABANDONED."),
    col("completed", "true when the phase is FINISHED."),
    col("created_at", "When the room was opened (ISO-8601, UTC)."),
    col("started_at", "When the game left the waiting room."),
    col("finished_at", "When the room finished or was abandoned."),
    col("total_rounds", "Rounds in the scenario."),
    col("rounds_reached", "The last round the room entered (0 before the first)."),
    col("participants", "Participants of the room included in this export (with data consent, not withdrawn)."),
  ],
  phase_log: [
    ROOM_CODE,
    col("kind", "phase (a phase the room was in); pause (the room waited for an absent or empty seat: a row inside its phase's row); event (a moment, e.g. a seat freed)."),
    col("phase", "The phase entered (for a pause or an event: the phase it happened in)."),
    ROUND,
    col("entered_at", "When the phase (or pause) began (ISO-8601, UTC)."),
    col("left_at", "When it ended (empty: it is still going on)."),
    col("duration_s", "Seconds from entered_at to left_at, pauses included (empty while it lasts)."),
    col("active_s", "Phase rows: seconds in the phase without its pauses, i.e. duration_s minus paused_s (empty while it lasts, and on pause and event rows)."),
    col("paused_s", "Phase rows: seconds of the phase spent paused, the sum of its pause rows (empty while it lasts, and on pause and event rows)."),
    col("reason", "Why the phase began (e.g. all answered, timer, advanced by the host); waiting_for_player for a pause; seat_left:N or seat_released:N for a freed seat."),
    col("actor_code", "Participant code of whoever caused it (empty: the server, or someone not in the export)."),
  ],
  chat: [
    ROOM_CODE,
    PARTICIPANT,
    ROUND,
    col("phase", "The room's phase when the message was sent."),
    col("text", "The message, after the profanity mask."),
    col("is_masked", "true when the profanity mask changed the message."),
    col("at", "When it was sent (ISO-8601, UTC)."),
  ],
  transcripts: [
    ROOM_CODE,
    ROUND,
    PARTICIPANT,
    SEAT,
    ROLE_NAME,
    col("recording_id", "The recording the text was made from (play it back from the room page of the research dashboard)."),
    col("started_at", "When the recording began (ISO-8601, UTC)."),
    col("duration_ms", "Length of the recording in milliseconds."),
    col("transcript_status", "done, pending (queued or being retried), failed (gave up after the last retry) or not_configured (no AI on this server)."),
    col("transcript", "What the speaker said, as transcribed by the AI transcription endpoint (empty unless done)."),
    col("language", "Language the transcription was asked for or detected."),
    col("note", "Why the transcript is empty, when it is."),
  ],
  README: [col("sheet", "Name of a sheet."), col("column", "Name of a column in that sheet."), col("description", "What the column holds.")],
};

/** The columns of a sheet; the wide sheet's depend on how many rounds the exported rooms have. */
export function columnsOf(sheet: SheetName, wideRounds: number): Column[] {
  return sheet === "wide" ? wideColumns(wideRounds) : FIXED_COLUMNS[sheet];
}
