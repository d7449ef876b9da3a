import type { Phase } from "@/lib/domain/game";
import { apiFetch } from "../api";
import type { AppSocket } from "../socket";
import { useVoiceStore } from "../stores/voice";
import { qualityBetween, summarizeStats, type LinkSample } from "./logic";
import { LevelMonitor } from "./levels";
import { micErrorState, openMicrophone, stopStream } from "./media";
import { VoiceMesh } from "./mesh";
import { loadPeerFactory } from "./peer";
import { RoundRecorder, UploadError, uploadRecording, type UploadedRecording } from "./recorder";
import { socketSignaling } from "./signaling";
import { remoteStreams } from "./streams";

const store = () => useVoiceStore.getState();

/** How often each link's stats are read for the quality dot. */
const STATS_MS = 2000;
/** A speaking flag is sent at most this often. */
const STATE_THROTTLE_MS = 300;
/** Phases of a round during which the microphone is recorded (from the individual choice to the reveal). */
const RECORDED_PHASES: readonly Phase[] = ["INDIVIDUAL", "DISCUSSION", "CONSENSUS"];

export interface PhaseInput {
  phase: Phase;
  round: number;
  /** The player gave voice-recording consent. */
  hasVoiceConsent: boolean;
}

interface IceConfigAnswer {
  iceServers: RTCIceServer[];
  ttl: number;
}

/** Per-peer numbers for the debug hook (window.__aedgVoice, used by the e2e test). */
export interface PeerDebugStats {
  status: string;
  connectionState: RTCPeerConnectionState | "none";
  iceConnectionState: RTCIceConnectionState | "none";
  bytesReceived: number;
}

const uploaded: UploadedRecording[] = [];

/**
 * One player's voice in one room, from the role reveal to the end of the game: the microphone,
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
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly samples = new Map<string, { connection: RTCPeerConnection; sample: LinkSample }>();
  private recorder: RoundRecorder | null = null;
  private phase: PhaseInput | null = null;
  private lastSpeaking = false;
  private stateTimer: ReturnType<typeof setTimeout> | null = null;
  private lastStateSentAt = 0;
  private readonly unsubs: (() => void)[] = [];

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

  async start(): Promise<void> {
    VoiceSession.running = this;
    store().activate();
    this.installDebugHook();

    const onState = ({ userId, muted }: { userId: string; muted: boolean; speaking: boolean }) => {
      if (userId !== this.myUserId) store().setRemoteMuted(userId, muted);
    };
    this.socket.on("voice:state", onState);
    this.unsubs.push(() => this.socket.off("voice:state", onState));
    this.unsubs.push(
      useVoiceStore.subscribe((s, prev) => {
        if (s.isMuted !== prev.isMuted) this.applyMute();
        if (s.inputDeviceId !== prev.inputDeviceId && this.stream) void this.switchMicrophone();
      }),
    );

    const [stream, ice, createPeer] = await Promise.all([this.acquireMicrophone(), this.fetchIce(), loadPeerFactory().catch(() => null)]);
    if (this.isStopped) {
      stopStream(stream);
      return;
    }
    this.stream = stream;
    this.applyMute();
    if (stream) this.levels.add(this.myUserId, stream);
    if (!createPeer) {
      // No WebRTC here: the game goes on with the chat.
      this.levels.remove(this.myUserId);
      stopStream(stream);
      this.stream = null;
      store().setMic("unsupported");
      return;
    }

    this.mesh = new VoiceMesh({
      channel: this.signaling,
      myUserId: this.myUserId,
      createPeer,
      iceServers: ice,
      stream,
      events: {
        peerStatus: (u, status) => store().setPeerStatus(u, status),
        peerRemoved: (u) => {
          store().removePeer(u);
          this.samples.delete(u);
        },
        remoteStream: (u, s) => {
          remoteStreams.set(u, s);
          if (s) this.levels.add(u, s);
          else this.levels.remove(u);
        },
        joined: () => this.sendState(true),
        peerJoined: () => this.sendState(true),
        error: (where, err) => {
          if (process.env.NODE_ENV !== "production") console.debug("[voice]", where, err);
        },
      },
    });
    this.mesh.start();
    this.statsTimer = setInterval(() => void this.readStats(), STATS_MS);
    if (this.phase) this.updateRecording();
  }

  /** Leaves the mesh, ends the round's recording (and uploads it), releases the microphone. */
  stop(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    if (VoiceSession.running === this) VoiceSession.running = null;
    void this.finishRecording();
    for (const u of this.unsubs.splice(0)) u();
    clearTimeout(this.iceTimer ?? undefined);
    clearTimeout(this.stateTimer ?? undefined);
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

  private async acquireMicrophone(): Promise<MediaStream | null> {
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

  /** voice:state to the others: at once for mute and (re)joins, at most every 300 ms for speaking. */
  private sendState(now: boolean): void {
    if (this.isStopped) return;
    const send = () => {
      this.stateTimer = null;
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

  private async fetchIce(): Promise<RTCIceServer[]> {
    try {
      const { iceServers, ttl } = await apiFetch<IceConfigAnswer>("/api/webrtc/ice-config");
      // Fresh credentials for new peers well before these expire.
      this.scheduleIce(Math.max(30, ttl * 0.75) * 1000);
      return iceServers;
    } catch {
      this.scheduleIce(30_000);
      return [];
    }
  }

  private scheduleIce(ms: number): void {
    clearTimeout(this.iceTimer ?? undefined);
    if (this.isStopped) return;
    this.iceTimer = setTimeout(() => {
      void this.fetchIce().then((servers) => {
        if (!this.isStopped) this.mesh?.setIceServers(servers);
      });
    }, ms);
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

  private updateRecording(): void {
    if (this.isStopped || !this.phase) return;
    const { phase, round, hasVoiceConsent } = this.phase;
    const shouldRecord =
      hasVoiceConsent && !store().isRecordingRefused && this.stream !== null && this.mesh !== null && RECORDED_PHASES.includes(phase) && RoundRecorder.isSupported();
    if (this.recorder && (!shouldRecord || this.recorder.round !== round)) void this.finishRecording();
    if (shouldRecord && !this.recorder && this.stream) {
      try {
        this.recorder = new RoundRecorder(this.stream, round);
        store().setRecording({ status: "recording", round, progress: 0 });
      } catch {
        this.recorder = null;
      }
    }
  }

  private async finishRecording(): Promise<void> {
    const recorder = this.recorder;
    if (!recorder) return;
    this.recorder = null;
    const rec = await recorder.stop();
    if (!rec) {
      if (store().recording.status === "recording") store().setRecording({ status: "idle" });
      return;
    }
    store().setRecording({ status: "uploading", round: rec.round, progress: 0 });
    try {
      const saved = await uploadRecording(rec, this.code, { onProgress: (p) => store().setRecording({ status: "uploading", round: rec.round, progress: p }) });
      uploaded.push(saved);
      store().setRecording({ status: "saved", round: rec.round, progress: 1 });
    } catch (e) {
      if (e instanceof UploadError && e.code === "CONSENT_REQUIRED") store().refuseRecording();
      else store().setRecording({ status: "failed", round: rec.round, progress: 0 });
    }
  }

  // ---- debug hook ------------------------------------------------------------------------------

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
            connectionState: connection?.connectionState ?? "none",
            iceConnectionState: connection?.iceConnectionState ?? "none",
            bytesReceived,
          };
        }
        return out;
      },
      /** The voice store's status fields. */
      state: () => {
        const { isActive, mic, isMuted, peers, speaking, remoteMuted, quality, isReconnecting, recording, isRecordingRefused } = store();
        return { isActive, mic, isMuted, peers, speaking, remoteMuted, quality, isReconnecting, recording, isRecordingRefused };
      },
      /** Recordings uploaded from this page. */
      recordings: () => [...uploaded],
    };
  }

  private removeDebugHook(): void {
    const w = window as unknown as { __aedgVoice?: unknown };
    // Keep the uploads readable after the game; drop the live parts.
    w.__aedgVoice = { stats: async () => ({}), state: () => ({ isActive: false }), recordings: () => [...uploaded] };
  }
}
