import type { SignalData } from "simple-peer";
import type { PeerFactory } from "./mesh";

let loading: Promise<PeerFactory> | null = null;

/**
 * The one door to simple-peer. Loads the Node shims and then simple-peer on first use, in the
 * browser only (never during server rendering), and returns a factory of peers with the mesh's
 * settings: trickle ICE, the ICE servers passed explicitly (simple-peer's default points at
 * public STUN servers), one transport for the audio and simple-peer's data channel
 * (`max-bundle`: candidates are gathered, signalled and checked once, not once per m-line), the
 * local microphone, and an audio m-line even without a microphone (so a listener without a mic
 * still hears the others).
 */
export function loadPeerFactory(): Promise<PeerFactory> {
  if (typeof window === "undefined") return Promise.reject(new Error("Voice runs in the browser only."));
  loading ??= (async (): Promise<PeerFactory> => {
    const { default: SimplePeer } = await import("./simple-peer-module");
    return ({ initiator, iceServers, stream }) => {
      const peer = new SimplePeer({
        initiator,
        trickle: true,
        config: { iceServers, bundlePolicy: "max-bundle" },
        stream: stream ?? undefined,
        offerOptions: { offerToReceiveAudio: true, offerToReceiveVideo: false },
      });
      return {
        signal: (data) => peer.signal(data as unknown as SignalData),
        destroy: () => peer.destroy(),
        on: (event, fn) => {
          peer.on(event, fn as (...args: unknown[]) => void);
        },
        // simple-peer keeps its RTCPeerConnection in `_pc` (null once destroyed).
        get connection() {
          return (peer as unknown as { _pc?: RTCPeerConnection | null })._pc ?? null;
        },
      };
    };
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
