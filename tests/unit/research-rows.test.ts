import { describe, expect, it } from "vitest";
import { participantsOf, roomRows, roundsReached, transcriptState, wideRow, type RoomRecords, type ScenarioInfo } from "@/lib/server/research/rows";
import { columnsOf, FIXED_COLUMNS, wideColumns } from "@/lib/server/research/sheets";
import { readmeRows } from "@/lib/server/research/data-set";
import { SHEET_NAMES } from "@/lib/validation/research";

const t = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, s));

const scenario: ScenarioInfo = {
  id: "s1",
  slug: "autonomous-vehicle",
  title: "The car",
  locale: "en",
  source: "BUILTIN",
  roles: [
    { position: 0, name: "Engineer" },
    { position: 1, name: "Regulator" },
    { position: 2, name: "Citizen" },
  ],
  rounds: [
    { number: 1, question: "Q1", options: [{ index: 0, label: "Swerve" }, { index: 1, label: "Brake" }] },
    { number: 2, question: "Q2", options: [{ index: 0, label: "Yes" }, { index: 1, label: "No" }, { index: 2, label: "Maybe" }] },
  ],
};

/** Two rounds with three players; u3 has no data consent; round 2 u2 timed out. */
function room(overrides: Partial<RoomRecords> = {}): RoomRecords {
  return {
    id: "r1",
    code: "ABC234",
    visibility: "PRIVATE",
    isResearch: true,
    isTest: false,
    phase: "FINISHED",
    round: 2,
    totalRounds: 2,
    createdAt: t(0),
    startedAt: t(1),
    finishedAt: t(59),
    pausedAt: null,
    seats: [
      { seat: 0, userId: "u1", roleIndex: 2, isWithdrawn: false },
      { seat: 1, userId: "u2", roleIndex: 0, isWithdrawn: false },
      { seat: 2, userId: "u3", roleIndex: 1, isWithdrawn: false },
    ],
    choices: [
      { round: 1, userId: "u1", seat: 0, choice: 1, confidence: 4, isMissing: false, submittedAt: t(12) },
      { round: 1, userId: "u2", seat: 1, choice: 0, confidence: 2, isMissing: false, submittedAt: t(15) },
      { round: 1, userId: "u3", seat: 2, choice: 0, confidence: 5, isMissing: false, submittedAt: t(13) },
      { round: 2, userId: "u1", seat: 0, choice: 2, confidence: 3, isMissing: false, submittedAt: t(40) },
      { round: 2, userId: "u2", seat: 1, choice: null, confidence: null, isMissing: true, submittedAt: t(50) },
    ],
    consensuses: [
      { round: 1, choice: 1, proposedById: "u3", isMissing: false, reachedAt: t(25) },
      { round: 2, choice: null, proposedById: null, isMissing: true, reachedAt: t(55) },
    ],
    consensusConfs: [
      { round: 1, userId: "u1", confidence: 5, isMissing: false, submittedAt: t(27) },
      { round: 1, userId: "u2", confidence: null, isMissing: true, submittedAt: t(30) },
      { round: 1, userId: "u3", confidence: 1, isMissing: false, submittedAt: t(28) },
    ],
    phaseLogs: [
      { kind: "PHASE", phase: "WAITING", round: 0, enteredAt: t(0), leftAt: t(1), reason: "created", actorId: "u1" },
      { kind: "PHASE", phase: "INDIVIDUAL", round: 1, enteredAt: t(10), leftAt: t(15), reason: "roles confirmed", actorId: null },
      { kind: "PHASE", phase: "INDIVIDUAL", round: 2, enteredAt: t(35), leftAt: t(50), reason: "next round", actorId: "u3" },
      { kind: "PHASE", phase: "FINISHED", round: 2, enteredAt: t(59), leftAt: null, reason: "done", actorId: null },
    ],
    chatMessages: [
      { userId: "u3", round: 1, phase: "DISCUSSION", text: "secret", isMasked: false, createdAt: t(18) },
      { userId: "u1", round: 1, phase: "DISCUSSION", text: "=HYPERLINK(\"http://x\")", isMasked: false, createdAt: t(17) },
    ],
    recordings: [],
    ...overrides,
  };
}

const codes: Record<string, string> = { u1: "PAAAAAAA", u2: "PBBBBBBB" };
const codeOf = (id: string | null | undefined) => (id ? (codes[id] ?? null) : null);

describe("participants", () => {
  it("are the consenting people of the seats and of the answers, by seat, with their role", () => {
    expect(participantsOf(room(), scenario, codeOf)).toEqual([
      { userId: "u1", code: "PAAAAAAA", seat: 0, roleIndex: 2, roleName: "Citizen" },
      { userId: "u2", code: "PBBBBBBB", seat: 1, roleIndex: 0, roleName: "Engineer" },
    ]);
  });

  it("include an earlier player of a released seat, with the role of that seat", () => {
    const r = room({ seats: [{ seat: 0, userId: null, roleIndex: 2, isWithdrawn: true }, ...room().seats.slice(1)] });
    expect(participantsOf(r, scenario, codeOf).map((p) => [p.code, p.seat, p.roleName])).toEqual([
      ["PAAAAAAA", 0, "Citizen"],
      ["PBBBBBBB", 1, "Engineer"],
    ]);
  });
});

describe("wide rows", () => {
  it("hold each round's choice (index and label), confidence, consensus, consensus confidence and time to choose", () => {
    const p = participantsOf(room(), scenario, codeOf)[0]!;
    expect(wideRow(room(), scenario, p, 2)).toEqual({
      participant_code: "PAAAAAAA",
      room_code: "ABC234",
      scenario_slug: "autonomous-vehicle",
      scenario_title: "The car",
      scenario_locale: "en",
      seat: 0,
      role_index: 2,
      role_name: "Citizen",
      is_test: false,
      started_at: t(1).toISOString(),
      finished_at: t(59).toISOString(),
      completed: true,
      r1_choice: 1,
      r1_choice_label: "Brake",
      r1_confidence: 4,
      r1_consensus: 1,
      r1_consensus_label: "Brake",
      r1_consensus_confidence: 5,
      r1_time_to_choose_s: 2,
      r2_choice: 2,
      r2_choice_label: "Maybe",
      r2_confidence: 3,
      r2_consensus: null,
      r2_consensus_label: null,
      r2_consensus_confidence: null,
      r2_time_to_choose_s: 5,
    });
  });

  it("leave a missing answer empty and fill the columns of rounds a game never had with nothing", () => {
    const p = participantsOf(room(), scenario, codeOf)[1]!;
    const row = wideRow(room(), scenario, p, 3);
    expect([row.r2_choice, row.r2_choice_label, row.r2_confidence, row.r2_time_to_choose_s]).toEqual([null, null, null, null]);
    expect([row.r3_choice, row.r3_consensus, row.r3_consensus_confidence]).toEqual([null, null, null]);
    expect(Object.keys(row)).toEqual(wideColumns(3).map((c) => c.name));
  });
});

describe("room rows", () => {
  const rows = roomRows(room(), scenario, codeOf, 2);

  it("leave out the person without data consent everywhere, but keep the room", () => {
    const text = JSON.stringify(rows);
    expect(text).not.toContain("u3");
    expect(text).not.toContain("secret");
    expect(rows.wide).toHaveLength(2);
    expect(rows.choices.map((c) => c.participant_code)).toEqual(["PAAAAAAA", "PBBBBBBB", "PAAAAAAA", "PBBBBBBB"]);
    expect(rows.rooms).toHaveLength(1);
    expect(rows.rooms[0]).toMatchObject({ room_code: "ABC234", participants: 2, rounds_reached: 2, completed: true });
    // u3 proposed round 1's consensus and caused a phase: no code for them.
    expect(rows.consensus[0]).toMatchObject({ round: 1, consensus: 1, status: "reached", reached: true, proposer_code: null });
    expect(rows.phase_log.map((l) => l.actor_code)).toEqual(["PAAAAAAA", null, null, null]);
  });

  it("flag missing answers and record rounds without consensus", () => {
    expect(rows.choices[3]).toMatchObject({ participant_code: "PBBBBBBB", round: 2, choice: null, missing: true, time_to_choose_s: null });
    expect(rows.consensus[1]).toMatchObject({ round: 2, consensus: null, status: "timed_out", reached: false, missing: true });
    expect(rows.consensus_confidence.map((c) => [c.participant_code, c.consensus_confidence, c.missing])).toEqual([
      ["PAAAAAAA", 5, false],
      ["PBBBBBBB", null, true],
    ]);
    const abandoned = roomRows(room({ phase: "ABANDONED", round: 2, consensuses: [room().consensuses[0]!] }), scenario, codeOf, 2);
    expect(abandoned.consensus.map((c) => c.status)).toEqual(["reached", "not_recorded"]);
  });

  it("time each phase and keep chat in order", () => {
    expect(rows.phase_log.map((l) => l.duration_s)).toEqual([1, 5, 15, null]);
    expect(rows.chat).toEqual([{ room_code: "ABC234", participant_code: "PAAAAAAA", round: 1, phase: "DISCUSSION", text: '=HYPERLINK("http://x")', is_masked: false, at: t(17).toISOString() }]);
  });

  it("give a pause a row of its own, and each phase its active and paused seconds", () => {
    const base = room();
    const r = room({
      phaseLogs: [
        ...base.phaseLogs.slice(0, 2),
        { kind: "PHASE", phase: "DISCUSSION", round: 1, enteredAt: t(15), leftAt: t(35), reason: "all_submitted", actorId: null },
        { kind: "PAUSE", phase: "DISCUSSION", round: 1, enteredAt: t(20), leftAt: t(32), reason: "waiting_for_player", actorId: null },
        { kind: "EVENT", phase: "DISCUSSION", round: 1, enteredAt: t(21), leftAt: t(21), reason: "seat_released:2", actorId: "u1" },
        ...base.phaseLogs.slice(2),
      ],
    });
    const log = roomRows(r, scenario, codeOf, 2).phase_log.map((l) => [l.kind, l.phase, l.duration_s, l.active_s, l.paused_s]);
    expect(log).toEqual([
      ["phase", "WAITING", 1, 1, 0],
      ["phase", "INDIVIDUAL", 5, 5, 0],
      ["phase", "DISCUSSION", 20, 8, 12],
      ["pause", "DISCUSSION", 12, null, null],
      ["event", "DISCUSSION", 0, null, null],
      ["phase", "INDIVIDUAL", 15, 15, 0],
      ["phase", "FINISHED", null, null, null],
    ]);
  });

  it("show a pause going on as an open row, and leave paused time out of the time to choose", () => {
    // Round 2's individual phase (35–50 s) paused from 36 to 39 s: u1 chose at 40 s, 2 s of active time after the round began.
    const base = room();
    const r = room({
      phase: "INDIVIDUAL",
      pausedAt: t(52),
      phaseLogs: [...base.phaseLogs.slice(0, 3), { kind: "PAUSE", phase: "INDIVIDUAL", round: 2, enteredAt: t(36), leftAt: t(39), reason: "waiting_for_player", actorId: null }],
    });
    const rows = roomRows(r, scenario, codeOf, 2);
    expect(rows.phase_log.at(-1)).toMatchObject({ kind: "pause", phase: "INDIVIDUAL", round: 2, entered_at: t(52).toISOString(), left_at: null, duration_s: null });
    expect(rows.choices.find((c) => c.round === 2 && c.participant_code === "PAAAAAAA")!.time_to_choose_s).toBe(2);
    const p = participantsOf(r, scenario, codeOf)[0]!;
    expect(wideRow(r, scenario, p, 2).r2_time_to_choose_s).toBe(2);
  });

  it("fill exactly the columns their sheet declares", () => {
    for (const name of ["choices", "consensus", "consensus_confidence", "rooms", "phase_log", "chat"] as const) {
      for (const row of rows[name]) expect(Object.keys(row).sort()).toEqual(FIXED_COLUMNS[name].map((c) => c.name).sort());
    }
  });

  it("give one transcript row per recording of a consenting speaker, saying why an empty one is empty", () => {
    const rec = (id: string, userId: string, transcript: RoomRecords["recordings"][number]["transcript"]) => ({ id, userId, round: 1, durationMs: 1500, startedAt: t(16), transcript });
    const withRecordings = roomRows(
      room({
        recordings: [
          rec("a", "u1", { status: "DONE", text: "=cmd|' /C calc'!A0", language: "en", attempts: 1, lastError: null }),
          rec("b", "u2", { status: "PENDING", text: null, language: null, attempts: 2, lastError: "HTTP 500" }),
          rec("c", "u2", { status: "FAILED", text: null, language: null, attempts: 5, lastError: "timeout" }),
          rec("d", "u1", null),
          rec("e", "u3", { status: "DONE", text: "not consenting", language: "en", attempts: 1, lastError: null }),
        ],
      }),
      scenario,
      codeOf,
      2,
    ).transcripts;
    expect(withRecordings.map((r) => [r.recording_id, r.participant_code, r.role_name, r.transcript_status, r.transcript])).toEqual([
      ["a", "PAAAAAAA", "Citizen", "done", "=cmd|' /C calc'!A0"],
      ["b", "PBBBBBBB", "Engineer", "pending", null],
      ["c", "PBBBBBBB", "Engineer", "failed", null],
      ["d", "PAAAAAAA", "Citizen", "not_configured", null],
    ]);
    expect(withRecordings[0]!.note).toBeNull();
    expect(withRecordings[1]!.note).toMatch(/retried.*2 attempt.*HTTP 500/);
    expect(withRecordings[2]!.note).toMatch(/failed after 5 attempt.*timeout/);
    expect(withRecordings[3]!.note).toMatch(/not configured/);
    for (const row of withRecordings) expect(Object.keys(row).sort()).toEqual(FIXED_COLUMNS.transcripts.map((c) => c.name).sort());
    expect(transcriptState({ status: "DONE", text: "", language: "ko", attempts: 1, lastError: null })).toEqual({ status: "done", text: "", note: expect.stringMatching(/empty/) });
  });

  it("count the rounds a room reached", () => {
    expect(roundsReached(room({ phase: "WAITING", round: 0 }))).toEqual([]);
    expect(roundsReached(room({ phase: "DISCUSSION", round: 1 }))).toEqual([1]);
    expect(roundsReached(room())).toEqual([1, 2]);
  });
});

describe("README", () => {
  it("describes every column of every sheet", () => {
    const described = SHEET_NAMES.map((name) => ({ name, columns: columnsOf(name, 2) }));
    const readme = readmeRows(described);
    expect(readme).toHaveLength(described.reduce((n, s) => n + s.columns.length, 0));
    for (const r of readme) expect(String(r.description).length).toBeGreaterThan(5);
    expect(readme.filter((r) => r.sheet === "wide").map((r) => r.column)).toContain("r2_time_to_choose_s");
  });
});
