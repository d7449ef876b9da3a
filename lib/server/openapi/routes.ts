import { z } from "zod";
import { aiDraftSchema, customGameSchema, duplicateScenarioSchema, openRoomsSchema, publishSchema, updateDilemmaSchema, updateOpeningSchema, updateRolesSchema } from "@/lib/validation/custom-game";
import { listUsersQuerySchema, setRoleSchema } from "@/lib/validation/admin";
import { researchCleanupSchema, researchExportQuerySchema, researchRoomsQuerySchema, deleteMeSchema } from "@/lib/validation/research";
import {
  advanceRoomSchema,
  assignRolesSchema,
  consensusConfidenceSchema,
  createRoomSchema,
  joinRoomSchema,
  listRoomsQuerySchema,
  opOnlySchema,
  proposeConsensusSchema,
  readySchema,
  submitChoiceSchema,
} from "@/lib/validation/room";
import { aiLanguageQuerySchema } from "@/lib/validation/ai-language";
import { listScenariosQuerySchema } from "@/lib/validation/scenario-query";
import { checkUsernameQuerySchema, consentSchema, registerSchema, updateMeSchema } from "@/lib/validation/user";
import { recordingFieldsSchema } from "@/lib/validation/voice";
import { userStatsQuerySchema } from "@/lib/validation/user-stats";

/**
 * Every REST route, described from the zod schemas the handlers parse with. The OpenAPI
 * document (`GET /api/openapi.json`) is generated from this list; a test checks that it
 * names every route file under app/api and every route of API.md.
 */

export type Access = "public" | "session" | "FACILITATOR" | "RESEARCHER" | "ADMIN";

export interface RouteDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How the body is sent (default JSON). */
  bodyType?: "json" | "form" | "multipart";
  /** The success status and what it answers. */
  success?: { status: number; description: string; contentType?: string };
  /** Error codes worth naming besides the usual 400/401/403/404. */
  errors?: number[];
}

const snapshot = { status: 200, description: "The room snapshot (RoomSnapshot)." };
const code = "{code}";
const round = `/api/rooms/${code}/rounds/{n}`;
const nextAuthForm = (fields: Record<string, z.ZodType>) => z.object({ csrfToken: z.string(), json: z.literal("true").optional(), ...fields });

export const ROUTES: RouteDoc[] = [
  // Auth and users
  { method: "get", path: "/api/auth/csrf", summary: "next-auth CSRF token (sets its cookie).", tag: "auth", access: "public" },
  { method: "get", path: "/api/auth/session", summary: "The next-auth session (id and nickname).", tag: "auth", access: "public" },
  { method: "post", path: "/api/auth/callback/credentials", summary: "Sign in with username and password; sets the session cookie.", tag: "auth", access: "public", bodyType: "form", body: nextAuthForm({ username: z.string(), password: z.string() }), errors: [415, 429, 503] },
  { method: "post", path: "/api/auth/callback/guest", summary: "Sign in as a new guest with a nickname; sets the session cookie.", tag: "auth", access: "public", bodyType: "form", body: nextAuthForm({ nickname: z.string(), locale: z.enum(["ko", "en"]).optional() }), errors: [415, 429, 503] },
  { method: "post", path: "/api/auth/signout", summary: "Sign out; every session cookie of the user stops working.", tag: "auth", access: "session", bodyType: "form", body: nextAuthForm({}) },
  { method: "post", path: "/api/users", summary: "Register.", tag: "users", access: "public", body: registerSchema, success: { status: 201, description: "{ id, username }" }, errors: [409, 429] },
  { method: "get", path: "/api/users/check-username", summary: "Whether a username is free (limited per address).", tag: "users", access: "public", query: checkUsernameQuerySchema, errors: [429] },
  { method: "get", path: "/api/users/me", summary: "The signed-in user.", tag: "users", access: "session" },
  { method: "patch", path: "/api/users/me", summary: "Change nickname or locale.", tag: "users", access: "session", body: updateMeSchema },
  { method: "put", path: "/api/users/me/consent", summary: "Give or change data and voice-recording consent.", tag: "users", access: "session", body: consentSchema },
  { method: "delete", path: "/api/users/me", summary: "Delete the account; with withdrawData, also every research row and recording of the person.", tag: "users", access: "session", body: deleteMeSchema, success: { status: 204, description: "Deleted." } },
  { method: "get", path: "/api/users/{id}/stats", summary: "A player's games played and finished, rounds, agreement with the consensus (overall and per round), confidence before and after, scenarios played. {id} is a user id or me; the player themself, or a researcher for someone with data consent (404 for anyone else, as for a missing id).", tag: "users", access: "session", query: userStatsQuerySchema, success: { status: 200, description: "UserStats (lib/validation/user-stats.ts)." } },

  // Scenarios and custom games
  { method: "get", path: "/api/scenarios", summary: "Built-in and published scenarios.", tag: "scenarios", access: "session", query: listScenariosQuerySchema },
  { method: "get", path: "/api/scenarios/{id}", summary: "A whole scenario (private briefs for facilitators only).", tag: "scenarios", access: "session" },
  { method: "post", path: "/api/scenarios/{id}/rooms", summary: "Open 1–50 rooms on a built-in scenario, with the same options as a custom game's rooms (nobody is seated; 404 for any id but a built-in scenario's).", tag: "scenarios", access: "FACILITATOR", body: openRoomsSchema, success: { status: 201, description: "{ rooms: [{ code, title, visibility }] }" } },
  { method: "post", path: "/api/scenarios/{id}/duplicate", summary: "Copy a built-in scenario into an unpublished custom game of yours, to edit (404 for any id but a built-in scenario's).", tag: "scenarios", access: "FACILITATOR", body: duplicateScenarioSchema, success: { status: 201, description: "The custom game (as GET /api/custom-games/{code})." } },
  { method: "post", path: "/api/custom-games", summary: "Write a custom game.", tag: "custom games", access: "FACILITATOR", body: customGameSchema, success: { status: 201, description: "The custom game." } },
  { method: "get", path: "/api/custom-games", summary: "Your custom games.", tag: "custom games", access: "FACILITATOR" },
  { method: "get", path: `/api/custom-games/${code}`, summary: "One of your custom games, whole.", tag: "custom games", access: "FACILITATOR" },
  { method: "delete", path: `/api/custom-games/${code}`, summary: "Delete a game no room has used.", tag: "custom games", access: "FACILITATOR", success: { status: 204, description: "Deleted." }, errors: [409] },
  { method: "put", path: `/api/custom-games/${code}/opening`, summary: "Title, summary and opening text.", tag: "custom games", access: "FACILITATOR", body: updateOpeningSchema },
  { method: "put", path: `/api/custom-games/${code}/roles`, summary: "The three roles.", tag: "custom games", access: "FACILITATOR", body: updateRolesSchema },
  { method: "put", path: `/api/custom-games/${code}/dilemma`, summary: "The rounds.", tag: "custom games", access: "FACILITATOR", body: updateDilemmaSchema },
  { method: "put", path: `/api/custom-games/${code}/publish`, summary: "Publish or unpublish.", tag: "custom games", access: "FACILITATOR", body: publishSchema },
  { method: "post", path: `/api/custom-games/${code}/duplicate`, summary: "An unpublished copy you own.", tag: "custom games", access: "FACILITATOR", success: { status: 201, description: "The copy." } },
  { method: "post", path: `/api/custom-games/${code}/rooms`, summary: "Open 1–50 rooms from the game.", tag: "custom games", access: "FACILITATOR", body: openRoomsSchema, success: { status: 201, description: "{ rooms: [{ code, title, visibility }] }" } },
  { method: "post", path: "/api/ai/scenarios", summary: "An AI-drafted scenario (validated, not saved).", tag: "ai", access: "FACILITATOR", body: aiDraftSchema, errors: [429, 502, 503] },
  { method: "get", path: "/api/ai/status", summary: "Whether AI is on.", tag: "ai", access: "session" },

  // Rooms and play
  { method: "post", path: "/api/rooms", summary: "Open a room (you become its host). With takeSeat a player also takes the first seat; a facilitator or admin never does. Players are limited per user and per address.", tag: "rooms", access: "session", body: createRoomSchema, success: { status: 201, description: "The room snapshot." }, errors: [429] },
  { method: "get", path: "/api/rooms", summary: "Public rooms with a free seat.", tag: "rooms", access: "session", query: listRoomsQuerySchema },
  { method: "get", path: `/api/rooms/${code}`, summary: "The room snapshot. Without a seat: 409 ROOM_FULL (or GAME_STARTED) when every seat is taken; an outsider's look-ups of codes that lead nowhere are limited.", tag: "rooms", access: "session", success: snapshot, errors: [409, 429] },
  { method: "post", path: `/api/rooms/${code}/join`, summary: "Take a seat.", tag: "rooms", access: "session", body: joinRoomSchema, success: { status: 200, description: "{ seat, snapshot }" }, errors: [409, 429] },
  { method: "post", path: `/api/rooms/${code}/leave`, summary: "Give up your seat.", tag: "rooms", access: "session", success: { status: 204, description: "Left." } },
  { method: "post", path: `/api/rooms/${code}/ready`, summary: "Ready (or not) to start.", tag: "rooms", access: "session", body: readySchema, success: snapshot, errors: [409] },
  { method: "post", path: `/api/rooms/${code}/roles`, summary: "Deal the roles at random or by hand (host).", tag: "rooms", access: "session", body: assignRolesSchema, success: snapshot, errors: [409] },
  { method: "get", path: `/api/rooms/${code}/roles`, summary: "Your role with its private brief; the others' public briefs.", tag: "rooms", access: "session" },
  { method: "post", path: `/api/rooms/${code}/roles/confirm`, summary: "You have read your role.", tag: "rooms", access: "session", success: snapshot, errors: [409] },
  {
    method: "post",
    path: `/api/rooms/${code}/check-in`,
    summary: "\"I'm here\": answers \"Are you still there?\" (asked of a player silent through a whole phase, see the snapshot's seats[].checkInBy); present again if counted away for not answering. Nothing asked: the room unchanged.",
    tag: "rooms",
    access: "session",
    success: snapshot,
    errors: [409],
  },
  { method: "post", path: `${round}/choice`, summary: "Your hidden individual choice and confidence.", tag: "play", access: "session", body: submitChoiceSchema, success: snapshot, errors: [409] },
  { method: "post", path: `${round}/discussion/end`, summary: "Vote to end the discussion.", tag: "play", access: "session", body: opOnlySchema, success: snapshot, errors: [409] },
  { method: "post", path: `${round}/consensus`, summary: "Propose an option, or agree to one.", tag: "play", access: "session", body: proposeConsensusSchema, success: snapshot, errors: [409] },
  { method: "post", path: `${round}/consensus-confidence`, summary: "Your confidence in the group's decision.", tag: "play", access: "session", body: consensusConfidenceSchema, success: snapshot, errors: [409] },
  { method: "post", path: `${round}/continue`, summary: "Ready for the next round after the reveal.", tag: "play", access: "session", body: opOnlySchema, success: snapshot, errors: [409] },
  { method: "post", path: `${round}/prompts`, summary: "1–3 questions for your role this round (AI, or rule-based), in ?locale= or the request's UI language.", tag: "play", access: "session", query: aiLanguageQuerySchema, errors: [409, 429] },
  { method: "get", path: `/api/rooms/${code}/choice-status`, summary: "Who has and has not answered in the current phase.", tag: "play", access: "session", errors: [409] },
  { method: "get", path: `/api/rooms/${code}/statistics`, summary: "Per revealed round: choices, consensus, confidence shift.", tag: "play", access: "session" },
  { method: "get", path: `/api/rooms/${code}/feedback`, summary: "Feedback for the group and each role after the game, in ?locale= or the request's UI language.", tag: "play", access: "session", query: aiLanguageQuerySchema, errors: [409] },
  { method: "get", path: `/api/rooms/${code}/chat`, summary: "The room's chat so far.", tag: "play", access: "session" },
  { method: "get", path: `/api/rooms/${code}/memo`, summary: "Your private memo for the room.", tag: "play", access: "session" },
  { method: "post", path: `/api/rooms/${code}/advance`, summary: "End the current phase now, or the whole room (host/facilitator).", tag: "rooms", access: "session", body: advanceRoomSchema, success: snapshot, errors: [409] },
  { method: "post", path: `/api/rooms/${code}/seats/{seat}/release`, summary: "Free a seat for a newcomer (host/facilitator).", tag: "rooms", access: "session", success: snapshot, errors: [409] },
  { method: "get", path: "/api/facilitator/rooms", summary: "The live monitor's rooms.", tag: "facilitator", access: "FACILITATOR" },
  { method: "post", path: `/api/facilitator/rooms/${code}/bots`, summary: "Fill a waiting room's empty seats with bots that play through the public API.", tag: "facilitator", access: "FACILITATOR", success: { status: 201, description: "{ added: [nicknames] }" }, errors: [409] },
  { method: "get", path: `/api/facilitator/rooms/${code}/log`, summary: "A room's phase log with who did what.", tag: "facilitator", access: "session" },

  // Voice
  { method: "get", path: "/api/webrtc/ice-config", summary: "STUN/TURN servers with short-lived TURN credentials.", tag: "voice", access: "session" },
  { method: "get", path: "/api/webrtc/health", summary: "What STUN/TURN is configured.", tag: "voice", access: "session" },
  { method: "post", path: "/api/voice/recordings", summary: "Upload your recording of a round (multipart: file + fields).", tag: "voice", access: "session", bodyType: "multipart", body: recordingFieldsSchema.extend({ file: z.string() }), success: { status: 201, description: "The recording." }, errors: [409, 413, 415, 429] },
  { method: "get", path: "/api/voice/recordings/{id}", summary: "A recording's audio (its speaker or a researcher).", tag: "voice", access: "session", success: { status: 200, description: "The audio file, as an attachment.", contentType: "audio/webm" } },

  // Research
  { method: "get", path: "/api/research/summary", summary: "Counts, completion, recent activity.", tag: "research", access: "RESEARCHER" },
  { method: "get", path: "/api/research/rooms", summary: "Rooms, filtered and paged.", tag: "research", access: "RESEARCHER", query: researchRoomsQuerySchema },
  { method: "get", path: "/api/research/rooms/{id}", summary: "One room in detail (participant codes only).", tag: "research", access: "RESEARCHER" },
  { method: "get", path: "/api/research/users/{id}", summary: "One participant's games.", tag: "research", access: "RESEARCHER" },
  { method: "get", path: "/api/research/export", summary: "The data set as xlsx, CSV (zip) or JSON.", tag: "research", access: "RESEARCHER", query: researchExportQuerySchema, success: { status: 200, description: "The file, as an attachment.", contentType: "application/octet-stream" } },
  { method: "get", path: "/api/research/debug/counts", summary: "Row counts per table.", tag: "research", access: "RESEARCHER" },
  { method: "post", path: "/api/research/cleanup", summary: "Delete test rooms (and old abandoned ones).", tag: "research", access: "RESEARCHER", body: researchCleanupSchema },

  // Admin
  { method: "get", path: "/api/admin/users", summary: "Users, paged.", tag: "admin", access: "ADMIN", query: listUsersQuerySchema },
  { method: "put", path: "/api/admin/users/{id}/role", summary: "Grant or revoke a role; the user's old sessions stop working.", tag: "admin", access: "ADMIN", body: setRoleSchema, errors: [409] },

  // Operations
  { method: "get", path: "/health", summary: "Status, database (and Redis) reachability, uptime, socket connections; 503 while the database or a configured Redis is down.", tag: "operations", access: "public", errors: [503] },
  { method: "get", path: "/api/openapi.json", summary: "This document.", tag: "operations", access: "public" },
  { method: "get", path: "/metrics", summary: "Prometheus metrics (Bearer METRICS_TOKEN when it is set).", tag: "operations", access: "public", success: { status: 200, description: "Prometheus text format.", contentType: "text/plain" } },
];
