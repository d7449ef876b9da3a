import { create } from "zustand";
import type { Phase } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { clockOffset } from "@/lib/client/stores/room";
import { mergeList, mergeSnapshot, type RoomMap } from "./monitor-logic";

export type MonitorLoadStatus = "loading" | "ready" | "error";
export type MonitorConnection = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface MonitorState {
  status: MonitorLoadStatus;
  connection: MonitorConnection;
  rooms: RoomMap;
  /** Server clock minus this browser's clock (ms), from the latest snapshot. */
  clockOffsetMs: number;
  /** The latest phase change, for the screen-reader announcement. */
  lastChange: { code: string; phase: Phase; seq: number } | null;

  reset(): void;
  setStatus(status: MonitorLoadStatus): void;
  setConnection(connection: MonitorConnection): void;
  /** One room's new snapshot (`monitor:room`, an action's answer). */
  receive(snapshot: RoomSnapshot, receivedAt?: number): void;
  /** The full list of active rooms (page load, every (re)subscribe, polling). */
  receiveAll(list: RoomSnapshot[], receivedAt?: number): void;
}

let seq = 0;

/** The facilitator's live monitor: every room they opened, fed by <MonitorSync>. */
export const useMonitorStore = create<MonitorState>()((set, get) => ({
  status: "loading",
  connection: "connecting",
  rooms: {},
  clockOffsetMs: 0,
  lastChange: null,
  reset() {
    set({ status: "loading", rooms: {}, lastChange: null });
  },
  setStatus(status) {
    set({ status });
  },
  setConnection(connection) {
    if (get().connection !== connection) set({ connection });
  },
  receive(snapshot, receivedAt = Date.now()) {
    const { rooms } = get();
    const next = mergeSnapshot(rooms, snapshot);
    if (next === rooms) return;
    const before = rooms[snapshot.code];
    set({
      rooms: next,
      status: "ready",
      clockOffsetMs: clockOffset(snapshot.serverTime, receivedAt),
      ...(before && before.phase !== snapshot.phase && { lastChange: { code: snapshot.code, phase: snapshot.phase, seq: ++seq } }),
    });
  },
  receiveAll(list, receivedAt = Date.now()) {
    const latest = list.reduce<RoomSnapshot | null>((a, b) => (!a || Date.parse(b.serverTime) > Date.parse(a.serverTime) ? b : a), null);
    set({ rooms: mergeList(get().rooms, list), status: "ready", ...(latest && { clockOffsetMs: clockOffset(latest.serverTime, receivedAt) }) });
  },
}));
