import { create } from "zustand";
import type { LinkQuality } from "../voice/logic";
import type { PeerStatus } from "../voice/mesh";

/**
 * The microphone: "idle" before it was asked for, "requesting" while the browser asks,
 * "ready", "denied" (permission refused), "no-device", "busy" (in use elsewhere or failing),
 * "unsupported" (no getUserMedia: an old browser or an insecure page), "error" otherwise.
 */
export type MicState = "idle" | "requesting" | "ready" | "denied" | "no-device" | "busy" | "unsupported" | "error";

export type RecordingStatus = "idle" | "recording" | "uploading" | "saved" | "failed";

export interface RecordingState {
  status: RecordingStatus;
  round: number | null;
  /** Upload progress 0..1 while uploading. */
  progress: number;
}

export interface VoiceState {
  /** The mesh runs in the room being viewed (roles to the end of the game, seated players). */
  isActive: boolean;
  mic: MicState;
  /** The chosen microphone and speaker (device ids, remembered in this browser); null: the default. */
  inputDeviceId: string | null;
  outputDeviceId: string | null;
  isMuted: boolean;
  /** Per other player in the mesh: the state of the pair's connection. */
  peers: Record<string, PeerStatus>;
  /** Per user (me included): speaking now, from the level of their audio. */
  speaking: Record<string, boolean>;
  /** Per other player: muted, as they said (voice:state). */
  remoteMuted: Record<string, boolean>;
  /** Per other player: the link's grade from getStats. */
  quality: Record<string, LinkQuality>;
  /** A pair that was connected is being rebuilt. */
  isReconnecting: boolean;
  /** When the last reconnection ended with every pair connected again (for a short "back" notice). */
  recoveredAt: number | null;
  recording: RecordingState;
  /** The browser refused to play the others' audio without a click (autoplay rules, e.g. after a reload). */
  isPlaybackBlocked: boolean;

  activate(): void;
  deactivate(): void;
  loadDevicePrefs(): void;
  setMic(mic: MicState): void;
  setInputDevice(deviceId: string | null): void;
  setOutputDevice(deviceId: string | null): void;
  setMuted(isMuted: boolean): void;
  setPeerStatus(userId: string, status: PeerStatus): void;
  removePeer(userId: string): void;
  setSpeaking(userId: string, isSpeaking: boolean): void;
  setRemoteMuted(userId: string, isMuted: boolean): void;
  setQuality(userId: string, quality: LinkQuality): void;
  setRecording(recording: Partial<RecordingState>): void;
  setPlaybackBlocked(isBlocked: boolean): void;
}

const INPUT_KEY = "aedg.voice.input";
const OUTPUT_KEY = "aedg.voice.output";

function remember(key: string, value: string | null): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // private mode or storage full: the choice lasts for this page only
  }
}

function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const without = <T,>(map: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in map)) return map;
  const next = { ...map };
  delete next[key];
  return next;
};

/** Whether a pair once connected is now being rebuilt. */
export function isAnyReconnecting(peers: Record<string, PeerStatus>): boolean {
  return Object.values(peers).some((s) => s === "reconnecting");
}

const idleRecording: RecordingState = { status: "idle", round: null, progress: 0 };
const session = {
  isActive: false,
  isMuted: false,
  peers: {},
  speaking: {},
  remoteMuted: {},
  quality: {},
  isReconnecting: false,
  recoveredAt: null,
  recording: idleRecording,
  isPlaybackBlocked: false,
} as const;

/**
 * Voice status only (STYLE.md rule 6): who is connected, speaking, muted, how good each link is,
 * the microphone's state and the recording's. The peer connections and media streams live in
 * lib/client/voice, never here. Fed by the voice session (components/voice/voice-layer.tsx).
 */
export const useVoiceStore = create<VoiceState>()((set, get) => ({
  ...session,
  mic: "idle",
  inputDeviceId: null,
  outputDeviceId: null,

  activate() {
    set({ ...session, isActive: true, recording: idleRecording });
  },
  deactivate() {
    // The last upload's outcome stays visible; the live state goes.
    const { recording } = get();
    set({ ...session, recording: recording.status === "recording" ? idleRecording : recording });
  },
  loadDevicePrefs() {
    set({ inputDeviceId: recall(INPUT_KEY), outputDeviceId: recall(OUTPUT_KEY) });
  },
  setMic(mic) {
    if (get().mic !== mic) set({ mic });
  },
  setInputDevice(inputDeviceId) {
    remember(INPUT_KEY, inputDeviceId);
    set({ inputDeviceId });
  },
  setOutputDevice(outputDeviceId) {
    remember(OUTPUT_KEY, outputDeviceId);
    set({ outputDeviceId });
  },
  setMuted(isMuted) {
    if (get().isMuted !== isMuted) set({ isMuted });
  },
  setPeerStatus(userId, status) {
    const { peers, isReconnecting } = get();
    if (peers[userId] === status) return;
    const next = { ...peers, [userId]: status };
    const nowReconnecting = isAnyReconnecting(next);
    const isBack = isReconnecting && !nowReconnecting && Object.values(next).every((s) => s === "connected");
    set({ peers: next, isReconnecting: nowReconnecting, ...(isBack ? { recoveredAt: Date.now() } : {}) });
  },
  removePeer(userId) {
    const s = get();
    const peers = without(s.peers, userId);
    set({
      peers,
      speaking: without(s.speaking, userId),
      remoteMuted: without(s.remoteMuted, userId),
      quality: without(s.quality, userId),
      isReconnecting: isAnyReconnecting(peers),
    });
  },
  setSpeaking(userId, isSpeaking) {
    const { speaking } = get();
    if ((speaking[userId] ?? false) !== isSpeaking) set({ speaking: { ...speaking, [userId]: isSpeaking } });
  },
  setRemoteMuted(userId, isMuted) {
    const { remoteMuted } = get();
    if ((remoteMuted[userId] ?? false) !== isMuted) set({ remoteMuted: { ...remoteMuted, [userId]: isMuted } });
  },
  setQuality(userId, quality) {
    const { quality: q } = get();
    if (q[userId] !== quality) set({ quality: { ...q, [userId]: quality } });
  },
  setRecording(recording) {
    set({ recording: { ...get().recording, ...recording } });
  },
  setPlaybackBlocked(isPlaybackBlocked) {
    if (get().isPlaybackBlocked !== isPlaybackBlocked) set({ isPlaybackBlocked });
  },
}));
