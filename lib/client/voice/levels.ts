import { nextSpeaking, rms } from "./logic";

interface Source {
  node: MediaStreamAudioSourceNode;
  analyser: AnalyserNode;
  buffer: Float32Array<ArrayBuffer>;
  state: { speaking: boolean; lastLoudAt: number };
}

/**
 * Audio levels of several streams through one AudioContext (an AnalyserNode each, polled ten
 * times a second): a level 0..1 for meters and a speaking flag with a hold for the rings. The
 * analysers are not connected to the speakers; remote audio plays through <audio> elements.
 */
export class LevelMonitor {
  private ctx: AudioContext | null = null;
  private readonly sources = new Map<string, Source>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly resume = () => {
    void this.ctx?.resume().catch(() => undefined);
  };

  constructor(
    private readonly onSpeaking: (id: string, isSpeaking: boolean) => void,
    private readonly onLevel?: (id: string, level: number) => void,
    private readonly intervalMs = 100,
  ) {}

  add(id: string, stream: MediaStream): void {
    this.remove(id);
    if (stream.getAudioTracks().length === 0) return;
    const ctx = this.context();
    if (!ctx) return;
    try {
      const node = ctx.createMediaStreamSource(stream);
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 1024;
      analyser.smoothingTimeConstant = 0.3;
      node.connect(analyser);
      this.sources.set(id, { node, analyser, buffer: new Float32Array(analyser.fftSize), state: { speaking: false, lastLoudAt: 0 } });
    } catch {
      return; // a stream Web Audio cannot read: no level for it
    }
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
  }

  remove(id: string): void {
    const s = this.sources.get(id);
    if (!s) return;
    s.node.disconnect();
    s.analyser.disconnect();
    this.sources.delete(id);
    if (s.state.speaking) this.onSpeaking(id, false);
    this.onLevel?.(id, 0);
  }

  stop(): void {
    for (const id of [...this.sources.keys()]) this.remove(id);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (typeof window !== "undefined") {
      window.removeEventListener("pointerdown", this.resume);
      window.removeEventListener("keydown", this.resume);
    }
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }

  private context(): AudioContext | null {
    if (this.ctx) return this.ctx;
    if (typeof AudioContext === "undefined") return null;
    this.ctx = new AudioContext();
    // Autoplay rules may start it suspended: the next click or key press wakes it.
    if (this.ctx.state === "suspended") {
      window.addEventListener("pointerdown", this.resume);
      window.addEventListener("keydown", this.resume);
    }
    return this.ctx;
  }

  private tick(): void {
    const now = Date.now();
    for (const [id, s] of this.sources) {
      s.analyser.getFloatTimeDomainData(s.buffer);
      const level = rms(s.buffer);
      this.onLevel?.(id, level);
      const next = nextSpeaking(s.state, level, now);
      if (next.speaking !== s.state.speaking) this.onSpeaking(id, next.speaking);
      s.state = next;
    }
  }
}
