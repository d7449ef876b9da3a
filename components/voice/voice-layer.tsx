"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { getSocket } from "@/lib/client/socket";
import { useRoomStore } from "@/lib/client/stores/room";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { canPickOutput } from "@/lib/client/voice/media";
import { VoiceSession } from "@/lib/client/voice/session";
import { remoteStreams } from "@/lib/client/voice/streams";

/** The <audio> elements playing the others (module-level so that "Turn on sound" can reach them). */
const players = new Set<HTMLAudioElement>();

/** Plays every remote stream again after the browser blocked autoplay (call from a click). */
export function resumeRemoteAudio(): void {
  let pending = players.size;
  if (pending === 0) useVoiceStore.getState().setPlaybackBlocked(false);
  for (const el of players) {
    el.play().then(
      () => {
        if (--pending === 0) useVoiceStore.getState().setPlaybackBlocked(false);
      },
      () => undefined,
    );
  }
}

/**
 * Headless, for someone in a waiting room with a free seat: loads what the voice needs (the
 * peer module, fresh ICE servers) before they sit down, so that the voice layer mounted with
 * the seat joins the mesh at once.
 */
export function VoiceWarmup({ userId }: { userId: string }) {
  useEffect(() => VoiceSession.prepare(userId), [userId]);
  return null;
}

/**
 * The room's voice, mounted by the room frame for a seated player from taking the seat in the
 * waiting room to the end of the game (so neither the game's start nor moving between the
 * room's pages drops audio): runs the voice session in an effect and plays the others through
 * hidden <audio> elements.
 */
export function VoiceLayer({ code, userId }: { code: string; userId: string }) {
  const session = useRef<VoiceSession | null>(null);
  useEffect(() => {
    useVoiceStore.getState().loadDevicePrefs();
    const s = new VoiceSession(getSocket(userId), code, userId);
    session.current = s;
    void s.start();
    return () => {
      s.stop();
      if (session.current === s) session.current = null;
    };
  }, [code, userId]);

  const phase = useRoomStore((s) => s.snapshot?.phase ?? null);
  const round = useRoomStore((s) => s.snapshot?.round ?? 0);
  // The room's rule, not this player's consent alone: recorded only while everyone seated agreed.
  const isRecordingAllowed = useRoomStore((s) => s.snapshot?.isRecordingAllowed ?? false);
  useEffect(() => {
    if (phase) session.current?.setPhase({ phase, round, isRecordingAllowed });
  }, [code, userId, phase, round, isRecordingAllowed]);

  return <RemoteAudio />;
}

function RemoteAudio() {
  const streams = useSyncExternalStore(remoteStreams.subscribe, remoteStreams.getSnapshot, remoteStreams.getServerSnapshot);
  const sinkId = useVoiceStore((s) => s.outputDeviceId);
  return (
    <div hidden data-testid="voice-audio">
      {streams.map(([userId, stream]) => (
        <PeerAudio key={userId} userId={userId} stream={stream} sinkId={sinkId} />
      ))}
    </div>
  );
}

function PeerAudio({ userId, stream, sinkId }: { userId: string; stream: MediaStream; sinkId: string | null }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    players.add(el);
    el.srcObject = stream;
    el.play().catch((e: unknown) => {
      if ((e as { name?: string }).name === "NotAllowedError") useVoiceStore.getState().setPlaybackBlocked(true);
    });
    return () => {
      players.delete(el);
      el.srcObject = null;
    };
  }, [stream]);
  useEffect(() => {
    const el = ref.current;
    if (!el || !canPickOutput()) return;
    (el as HTMLAudioElement & { setSinkId(id: string): Promise<void> }).setSinkId(sinkId ?? "").catch(() => undefined);
  }, [sinkId]);
  return <audio ref={ref} autoPlay playsInline data-user={userId} />;
}
