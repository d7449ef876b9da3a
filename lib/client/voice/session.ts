import type { Phase } from "@/lib/domain/game";
import { RECORDED_PHASES } from "@/lib/domain/recording";
import type { AppSocket } from "../socket";
import { useVoiceStore } from "../stores/voice";
import { isRetryableStatus, qualityBetween, summarizeStats, type LinkSample } from "./logic";
import { LevelMonitor } from "./levels";
import { keepIceFresh } from "./ice";
import { borrowMicrophone, micErrorState, openMicrophone, stopStream } from "./media";
import { VoiceMesh } from "./mesh";
import { loadPeerFactory } from "./peer";
import { RoundRecorder, UploadError, uploadOnExit, uploadRecording, type UploadedRecording } from "./recorder";
import { discardBackup, isExpiredBackup, leftoverBackups, readBackup, RecordingBackup } from "./recording-backup";
import { socketSignaling } from "./signaling";
import { remoteStreams } from "./streams";

const store = () => useVoiceStore.getState();

/** How often each link's stats are read for the quality dot. */
const STATS_MS = 2000;
/** A speaking flag is sent at most this often. */
const STATE_THROTTLE_MS = 300;
/** A second look for recordings left by a page that had only just gone. */
const LEFTOVER_RETRY_MS = 20_000;

export interface PhaseInput {
  phase: Phase;
  round: number;
  /** The room records: everyone seated agreed to voice recording (the snapshot's isRecordingAllowed). */
  isRecordingAllowed: boolean;
}

/** Per-peer numbers for the debug hook (window.__aedgVoice, used by the e2e test). */
export interface PeerDebugStats {
  status: string;
  /** The same number as long as the pair keeps the same RTCPeerConnection object. */
  connectionId: number;
  connectionState: RTCPeerConnectionState | "none";
  iceConnectionState: RTCIceConnectionState | "none";
  bytesReceived: number;
}

const uploaded: UploadedRecording[] = [];
/** Debug numbering of connection objects (a rebuilt pair shows a new number). */
const connectionIds = new WeakMap<RTCPeerConnection, number>();
let lastConnectionId = 0;
const connectionIdOf = (c: RTCPeerConnection) => {
  let id = connectionIds.get(c);
  if (id === undefined) connectionIds.set(c, (id = ++lastConnectionId));
  return id;
};
const newId = () => (typeof crypto !== "undefined" && crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/**
 * One player's voice in one room, from taking a seat to the end of the game: the microphone,
 * the ICE servers (refreshed before their TURN credentials expire), the peer mesh, speaking
 * detection, link quality, mute, and the per-round recording. Reports to the voice store;
 * holds the live objects itself. Browser only; create it inside an effect.
 */
export class VoiceSession {
  private readonly signaling;
  private mesh: VoiceMesh | null = null;
  private stream: MediaStream | null = null;
  private readonly levels: LevelMonitor;
  private isStopped = false;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly samples = new Map<string, { connection: RTCPeerConnection; sample: LinkSample }>();
  private recorder: RoundRecorder | null = null;
  private backup: RecordingBackup | null = null;
  private leftoverTimer: ReturnType<typeof setTimeout> | null = null;
  private isUploadingLeftovers = false;
  /** Successful voice:join answers (the first, then one per socket reconnect). */
  private joins = 0;
  /** Joined the mesh on the current socket connection: the hub takes voice:state only then. */
  private isInMesh = false;
  private phase: PhaseInput | null = null;
  private lastSpeaking = false;
  private stateTimer: ReturnType<typeof setTimeout> | null = null;
  private lastStateSentAt = 0;
  private readonly unsubs: (() => void)[] = [];
  /** When each step of the set-up happened (epoch ms), for the debug hook: the bench's trace reads it. */
  private readonly marks: { at: number; what: string }[] = [];

  constructor(
    private readonly socket: AppSocket,
    private readonly code: string,
    private readonly myUserId: string,
  ) {
    this.signaling = socketSignaling(socket, code);
    this.levels = new LevelMonitor((id, isSpeaking) => this.onSpeaking(id, isSpeaking));
  }

  /** The session running now, if any (controls that act on it: retry the microphone). */
  static current(): VoiceSession | null {
    return VoiceSession.running;
  }

  private static running: VoiceSession | null = null;

  /**
   * While someone looks at a waiting room they may sit in: loads the peer module and fetches the
   * ICE servers (kept fresh until released), so that the session starting with the seat joins
   * the mesh at once instead of loading them then. Returns the release (what was loaded stays
   * for the session).
   */
  static prepare(userId: string): () => void {
    void loadPeerFactory().catch(() => undefined);
    return keepIceFresh(userId, () => undefined);
  }

  async start(): Promise<void> {
    this.mark("session start");
    VoiceSession.running = this;
    store().activate();
    this.installDebugHook();

    const onState = ({ userId, muted }: { userId: string; muted: boolean; speaking: boolean }) => {
      if (userId !== this.myUserId) store().setRemoteMuted(userId, muted);
    };
    this.socket.on("voice:state", onState);
    this.unsubs.push(() => this.socket.off("voice:state", onState));
    const onPageHide = (e: PageTransitionEvent) => this.onPageHide(e);
    window.addEventListener("pagehide", onPageHide);
    this.unsubs.push(() => window.removeEventListener("pagehide", onPageHide));
    void this.uploadLeftovers();
    // Once more a little later, for a page whose lock outlived it a moment.
    this.leftoverTimer = setTimeout(() => void this.uploadLeftovers(), LEFTOVER_RETRY_MS);
    this.unsubs.push(
      useVoiceStore.subscribe((s, prev) => {
        if (s.isMuted !== prev.isMuted) this.applyMute();
        if (s.inputDeviceId !== prev.inputDeviceId && this.stream) void this.switchMicrophone();
      }),
    );

    // The microphone may still be opening: the mesh joins the hub meanwhile and holds what it
    // hears until the microphone is open (every peer carries it from its first offer).
    const microphone = this.acquireMicrophone(true);
    // Both are ready already when the waiting room prepared them (VoiceSession.prepare).
    const [ice, createPeer] = await Promise.all([this.watchIce(), loadPeerFactory().catch(() => null)]);
    if (this.isStopped || !createPeer) {
      stopStream(await microphone);
      // No WebRTC here: the game goes on with the chat.
      if (!this.isStopped) store().setMic("unsupported");
      return;
    }

    this.mesh = new VoiceMesh({
      channel: this.signaling,
      myUserId: this.myUserId,
      createPeer,
      iceServers: ice,
      stream: microphone,
      events: {
        peerStatus: (u, status) => {
          this.mark(`peer ${u.slice(0, 8)} ${status}`);
          store().setPeerStatus(u, status);
        },
        peerRemoved: (u) => {
          store().removePeer(u);
          this.samples.delete(u);
        },
        remoteStream: (u, s) => {
          remoteStreams.set(u, s);
          if (s) this.levels.add(u, s);
          else this.levels.remove(u);
        },
        joined: () => {
          this.mark("voice:join answered");
          this.joins++;
          this.isInMesh = true;
          this.sendState(true);
        },
        linkChange: (isConnected) => {
          if (!isConnected) this.isInMesh = false;
        },
        peerJoined: () => this.sendState(true),
        error: (where, err) => {
          if (process.env.NODE_ENV !== "production") console.debug("[voice]", where, err);
        },
      },
    });
    this.mark("voice:join sent");
    this.mesh.start();
    this.statsTimer = setInterval(() => void this.readStats(), STATS_MS);

    const stream = await microphone;
    if (this.isStopped) {
      stopStream(stream);
      return;
    }
    this.mark(`microphone ${stream ? "ready" : "missing"}`);
    this.stream = stream;
    this.applyMute();
    if (stream) this.levels.add(this.myUserId, stream);
    if (this.phase) this.updateRecording();
  }

  /** Leaves the mesh, ends the round's recording (and uploads it), releases the microphone. */
  stop(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    if (VoiceSession.running === this) VoiceSession.running = null;
    void this.finishRecording();
    for (const u of this.unsubs.splice(0)) u();
    clearTimeout(this.stateTimer ?? undefined);
    clearTimeout(this.leftoverTimer ?? undefined);
    clearInterval(this.statsTimer ?? undefined);
    this.mesh?.stop();
    this.mesh = null;
    this.levels.stop();
    remoteStreams.clear();
    stopStream(this.stream);
    this.stream = null;
    store().deactivate();
    this.removeDebugHook();
  }

  /** The room moved: start or end the round's recording. */
  setPhase(input: PhaseInput): void {
    this.phase = input;
    this.updateRecording();
  }

  /** Asks for the microphone again (after a refusal the player has since lifted, or a new device). */
  async retryMicrophone(): Promise<void> {
    if (this.isStopped) return;
    await this.switchMicrophone();
  }

  // ---- microphone ----------------------------------------------------------------------------

  /** The microphone; at the start, the one on offer (the check's, or opened with the seat) if it is open on the chosen device. */
  private async acquireMicrophone(mayBorrow = false): Promise<MediaStream | null> {
    const borrowed = mayBorrow ? await borrowMicrophone(store().inputDeviceId) : null;
    if (borrowed) {
      store().setMic("ready");
      return borrowed;
    }
    store().setMic("requesting");
    try {
      const stream = await openMicrophone(store().inputDeviceId);
      store().setMic("ready");
      return stream;
    } catch (e) {
      store().setMic(micErrorState(e));
      return null;
    }
  }

  private async switchMicrophone(): Promise<void> {
    const next = await this.acquireMicrophone();
    if (this.isStopped) {
      stopStream(next);
      return;
    }
    if (!next) return; // keep the old one, if any
    await this.finishRecording();
    const old = this.stream;
    this.stream = next;
    this.applyMute();
    this.levels.add(this.myUserId, next);
    this.mesh?.setLocalStream(next);
    stopStream(old);
    this.updateRecording();
  }

  private applyMute(): void {
    const isMuted = store().isMuted;
    this.stream?.getAudioTracks().forEach((t) => (t.enabled = !isMuted));
    this.sendState(true);
  }

  private onSpeaking(id: string, isSpeaking: boolean): void {
    const speaking = isSpeaking && !(id === this.myUserId && store().isMuted);
    store().setSpeaking(id, speaking);
    if (id === this.myUserId && speaking !== this.lastSpeaking) {
      this.lastSpeaking = speaking;
      this.sendState(false);
    }
  }

  /**
   * voice:state to the others: at once for mute and (re)joins, at most every 300 ms for speaking.
   * Not before the mesh is joined (the hub would refuse it): each join sends the state anyway.
   */
  private sendState(now: boolean): void {
    if (this.isStopped || !this.isInMesh) return;
    const send = () => {
      this.stateTimer = null;
      if (this.isStopped || !this.isInMesh) return;
      this.lastStateSentAt = Date.now();
      const isMuted = store().isMuted;
      this.signaling.state(isMuted, this.lastSpeaking && !isMuted);
    };
    if (now) {
      clearTimeout(this.stateTimer ?? undefined);
      send();
    } else if (!this.stateTimer) {
      this.stateTimer = setTimeout(send, Math.max(0, STATE_THROTTLE_MS - (Date.now() - this.lastStateSentAt)));
    }
  }

  // ---- ICE servers -----------------------------------------------------------------------------

  /** The ICE servers for the mesh (prefetched ones while fresh); renewed ones go to the peers created later. */
  private watchIce(): Promise<RTCIceServer[]> {
    return new Promise((resolve) => {
      let isFirst = true;
      const stop = keepIceFresh(this.myUserId, (servers) => {
        if (isFirst) {
          isFirst = false;
          resolve(servers);
        } else if (!this.isStopped) this.mesh?.setIceServers(servers);
      });
      // Stopped before the first answer: the start goes on (and releases the microphone) at once.
      this.unsubs.push(() => {
        stop();
        resolve([]);
      });
    });
  }

  // ---- link quality ----------------------------------------------------------------------------

  private async readStats(): Promise<void> {
    const links = this.mesh?.links() ?? [];
    await Promise.all(
      links.map(async ({ userId, connection, status }) => {
        if (!connection || status !== "connected") return;
        try {
          const report = await connection.getStats();
          const sample = summarizeStats(report.values());
          const prev = this.samples.get(userId);
          const previous = prev?.connection === connection ? prev.sample : null;
          this.samples.set(userId, { connection, sample });
          if (previous) store().setQuality(userId, qualityBetween(previous, sample));
        } catch {
          // closed meanwhile
        }
      }),
    );
  }

  // ---- recording -------------------------------------------------------------------------------

  /**
   * Records the microphone while the room is in a round's recorded phases and records at all:
   * never while someone seated has not agreed (the room's isRecordingAllowed). A recording the
   * room stops allowing (a consent taken back, someone new who did not agree) is thrown away,
   * not uploaded; one whose round ends is uploaded.
   */
  private updateRecording(): void {
    if (this.isStopped || !this.phase) return;
    const { phase, round, isRecordingAllowed } = this.phase;
    if (this.recorder && !isRecordingAllowed) void this.discardRecording();
    const shouldRecord =
      isRecordingAllowed && this.stream !== null && this.mesh !== null && (RECORDED_PHASES as readonly Phase[]).includes(phase) && RoundRecorder.isSupported();
    if (this.recorder && (!shouldRecord || this.recorder.round !== round)) void this.finishRecording();
    if (shouldRecord && !this.recorder && this.stream) {
      try {
        let backup: RecordingBackup | null = null;
        const recorder = new RoundRecorder(this.stream, round, (chunk, durationMs) => backup?.append(chunk, durationMs));
        backup = new RecordingBackup({ id: newId(), userId: this.myUserId, roomCode: this.code, round, startedAt: recorder.startedAtIso });
        this.recorder = recorder;
        this.backup = backup;
        store().setRecording({ status: "recording", round, progress: 0 });
      } catch {
        this.recorder = null;
        this.backup = null;
      }
    }
  }

  /** The page goes (reload, closed tab): try to send what was recorded; the backup keeps the rest. */
  private onPageHide(e: PageTransitionEvent): void {
    // A page kept for going back and forth goes on recording: sending a part now would cut the round's recording short.
    if (e.persisted || !this.recorder) return;
    const rec = this.recorder.snapshot();
    if (rec) uploadOnExit(rec, this.code);
  }

  /**
   * Uploads the recordings that pages of this browser left unfinished (a reload or a closed
   * tab in the middle of a round), each as a recording of its own. A copy is deleted once
   * stored or refused for good (no consent, no seat, too large…); a network failure keeps it
   * for the next session.
   */
  private async uploadLeftovers(): Promise<void> {
    if (this.isUploadingLeftovers) return;
    this.isUploadingLeftovers = true;
    try {
      for (const part of await leftoverBackups(this.myUserId)) {
        if (this.isStopped) return;
        const blob = isExpiredBackup(part) ? null : await readBackup(part);
        if (!blob?.size) {
          await discardBackup(part.id);
          continue;
        }
        try {
          const saved = await uploadRecording({ blob, round: part.round, startedAt: part.startedAt, durationMs: part.durationMs }, part.roomCode);
          uploaded.push(saved);
          await discardBackup(part.id);
        } catch (e) {
          if (e instanceof UploadError && !isRetryableStatus(e.status)) await discardBackup(part.id);
        }
      }
    } finally {
      this.isUploadingLeftovers = false;
    }
  }

  /** Ends the recording going on and keeps nothing of it (no upload, no backup). */
  private async discardRecording(): Promise<void> {
    const recorder = this.recorder;
    const backup = this.backup;
    if (!recorder) return;
    this.recorder = null;
    this.backup = null;
    await recorder.stop();
    await backup?.discard();
    if (store().recording.status === "recording") store().setRecording({ status: "idle" });
  }

  private async finishRecording(): Promise<void> {
    const recorder = this.recorder;
    const backup = this.backup;
    if (!recorder) return;
    this.recorder = null;
    this.backup = null;
    const rec = await recorder.stop();
    if (!rec) {
      await backup?.discard();
      if (store().recording.status === "recording") store().setRecording({ status: "idle" });
      return;
    }
    store().setRecording({ status: "uploading", round: rec.round, progress: 0 });
    try {
      const saved = await uploadRecording(rec, this.code, { onProgress: (p) => store().setRecording({ status: "uploading", round: rec.round, progress: p }) });
      uploaded.push(saved);
      await backup?.discard();
      store().setRecording({ status: "saved", round: rec.round, progress: 1 });
    } catch (e) {
      // Refused for good: no copy to keep. Failed for now: the backup is uploaded by a later session.
      if (e instanceof UploadError && !isRetryableStatus(e.status)) await backup?.discard();
      else backup?.release();
      // Refused for want of consent (it changed as the round ended): not kept, and the room says recording is off.
      if (e instanceof UploadError && e.code === "CONSENT_REQUIRED") store().setRecording({ status: "idle", round: null, progress: 0 });
      else store().setRecording({ status: "failed", round: rec.round, progress: 0 });
    }
  }

  // ---- debug hook ------------------------------------------------------------------------------

  private mark(what: string): void {
    if (this.marks.length < 200) this.marks.push({ at: Date.now(), what });
  }

  private installDebugHook(): void {
    (window as unknown as { __aedgVoice?: unknown }).__aedgVoice = {
      /** Per other player: the pair's status, connection states and audio bytes received. */
      stats: async (): Promise<Record<string, PeerDebugStats>> => {
        const out: Record<string, PeerDebugStats> = {};
        for (const { userId, status, connection } of this.mesh?.links() ?? []) {
          let bytesReceived = 0;
          if (connection) {
            try {
              bytesReceived = summarizeStats((await connection.getStats()).values()).bytesReceived;
            } catch {
              bytesReceived = 0;
            }
          }
          out[userId] = {
            status,
            connectionId: connection ? connectionIdOf(connection) : 0,
            connectionState: connection?.connectionState ?? "none",
            iceConnectionState: connection?.iceConnectionState ?? "none",
            bytesReceived,
          };
        }
        return out;
      },
      /** The voice store's status fields. */
      state: () => {
        const { isActive, mic, isMuted, peers, speaking, remoteMuted, quality, isReconnecting, recording } = store();
        return { isActive, mic, isMuted, peers, speaking, remoteMuted, quality, isReconnecting, recording };
      },
      /** Recordings uploaded from this page. */
      recordings: () => [...uploaded],
      /** The recording being made: its round and start time. */
      recorder: () => (this.recorder ? { round: this.recorder.round, startedAt: this.recorder.startedAtIso } : null),
      /** The socket's link and the voice roster: voice:join answers so far, who the hub says is in the mesh. */
      link: () => ({ isConnected: this.socket.connected, joins: this.joins, roster: this.mesh?.rosterIds() ?? [] }),
      /** The set-up's steps so far, with their times (epoch ms). */
      marks: () => [...this.marks],
      /** Cuts the socket's transport as a network drop would; Socket.IO reconnects by itself. */
      dropSocket: () => this.socket.io.engine?.close(),
    };
  }

  private removeDebugHook(): void {
    const w = window as unknown as { __aedgVoice?: unknown };
    // Keep the uploads readable after the game; drop the live parts.
    w.__aedgVoice = { stats: async () => ({}), state: () => ({ isActive: false }), recordings: () => [...uploaded] };
  }
}
