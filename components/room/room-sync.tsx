"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { SnapshotText, type LeanRoomSnapshot, type RoomSnapshot } from "@/lib/domain/snapshot";
import type { ChatMessagePayload } from "@/lib/realtime-events";
import { isApiError } from "@/lib/client/api";
import { getChat, getMyRole, getRoom } from "@/lib/client/room-api";
import { emitAck, getSocket } from "@/lib/client/socket";
import { useMeStore } from "@/lib/client/stores/me";
import { useRoomStore, type RoomLoadStatus } from "@/lib/client/stores/room";
import { isOnRoomPath, roomPath } from "./room-logic";

/** How often the room is fetched over HTTP while the realtime link is down. */
const POLL_MS = 5000;
/** A "typing" flag that is not renewed expires after this long. */
const TYPING_TTL_MS = 6000;

const store = () => useRoomStore.getState();

function onAuthLost() {
  // Re-checks the session; pages using useRequireMe then send the user to sign in.
  useMeStore.getState().load().catch(() => undefined);
}

/** Why a room cannot be shown to someone without a seat, from the server's refusal (null for any other error). */
function refusalStatus(e: unknown): RoomLoadStatus | null {
  if (isApiError(e, "ROOM_FULL")) return "full";
  if (isApiError(e, "GAME_STARTED")) return "full-started";
  if (isApiError(e) && e.status === 404) return "not-found";
  return null;
}

/** Loads the room over HTTP; a 404 means it does not exist or is not ours to see, a 409 that every seat is taken. */
async function fetchRoom(code: string, signal?: AbortSignal, text?: SnapshotText): Promise<void> {
  try {
    const snapshot = await getRoom(code, signal);
    text?.learn(snapshot);
    store().receiveSnapshot(snapshot);
  } catch (e) {
    if (signal?.aborted) return;
    const refused = refusalStatus(e);
    if (refused) store().setStatus(refused);
    else if (isApiError(e) && e.status === 401) onAuthLost();
    else if (!store().snapshot) store().setStatus("error");
  }
}

/** Loads the room again after a failed first load (the "Try again" button). */
export function refetchRoom(code: string): Promise<void> {
  store().setStatus("loading");
  return fetchRoom(code);
}

/**
 * Headless: keeps the room store in step with the server for one room. Subscribes on mount
 * and after every reconnect (lean: its states come without the scenario's fixed text, which
 * SnapshotText puts back from the full snapshots it has seen), feeds room states / presence /
 * chat / typing into the store,
 * polls over HTTP while the socket is down, fetches the caller's role once dealt, and keeps
 * the page on the one the room's phase is played on. Unsubscribes on unmount.
 */
export function RoomSync({ code, userId }: { code: string; userId: string }) {
  useEffect(() => {
    store().reset(code);
    const controller = new AbortController();
    const text = new SnapshotText();
    void fetchRoom(code, controller.signal, text);

    const socket = getSocket(userId);
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

    const onSubscribed = (data: unknown) => {
      const snapshot = data as RoomSnapshot;
      text.learn(snapshot);
      store().receiveSnapshot(snapshot);
    };
    const subscribe = () => {
      store().setConnection("connected");
      emitAck(socket, "room:subscribe", { code, lean: true }).then(onSubscribed, (e: unknown) => {
        const refused = refusalStatus(e);
        if (refused && !store().snapshot) store().setStatus(refused);
        else if (isApiError(e, "UNAUTHORIZED")) onAuthLost();
      });
    };
    // The server stopped this socket following the room (the seat was freed; without a seat, the
    // room filled or ended): follow it again as we may now, or show what the room's page shows.
    const onUnsubscribed = ({ code: c }: { code: string }) => {
      if (c !== code) return;
      emitAck(socket, "room:subscribe", { code, lean: true }).then(onSubscribed, () => void fetchRoom(code, controller.signal, text));
    };
    const onDisconnect = (reason: string) => {
      store().setConnection(reason === "io client disconnect" ? "disconnected" : "reconnecting");
    };
    const onConnectError = (err: Error) => {
      if (err.message === "UNAUTHORIZED") onAuthLost();
      store().setConnection(err.message === "TOO_MANY_CONNECTIONS" ? "refused" : socket.active ? "reconnecting" : "disconnected");
    };
    const onReconnectFailed = () => store().setConnection("disconnected");
    const onState = (s: RoomSnapshot) => {
      if (s.code !== code) return;
      text.learn(s);
      store().receiveSnapshot(s);
    };
    const onLeanState = (s: LeanRoomSnapshot) => {
      if (s.code !== code) return;
      const snapshot = text.inflate(s);
      // Text this page has not seen (the scenario was edited): read the whole room.
      if (snapshot) store().receiveSnapshot(snapshot);
      else void fetchRoom(code, controller.signal, text);
    };
    const onPresence = ({ userId: who, connected }: { userId: string; connected: boolean }) => store().setPresence(who, connected);
    const onChat = (m: ChatMessagePayload) => store().addMessage(m);
    const onTyping = ({ userId: who, isTyping }: { userId: string; isTyping: boolean }) => {
      clearTimeout(typingTimers.get(who));
      store().setTyping(who, isTyping);
      if (isTyping) typingTimers.set(who, setTimeout(() => store().setTyping(who, false), TYPING_TTL_MS));
    };

    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.io.on("reconnect_failed", onReconnectFailed);
    socket.on("room:state", onState);
    socket.on("room:lean-state", onLeanState);
    socket.on("room:presence", onPresence);
    socket.on("chat:message", onChat);
    socket.on("chat:typing", onTyping);
    socket.on("room:unsubscribed", onUnsubscribed);

    if (socket.connected) subscribe();
    else {
      store().setConnection("connecting");
      if (!socket.active) socket.connect();
    }

    return () => {
      controller.abort();
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.io.off("reconnect_failed", onReconnectFailed);
      socket.off("room:state", onState);
      socket.off("room:lean-state", onLeanState);
      socket.off("room:presence", onPresence);
      socket.off("chat:message", onChat);
      socket.off("chat:typing", onTyping);
      socket.off("room:unsubscribed", onUnsubscribed);
      for (const t of typingTimers.values()) clearTimeout(t);
      if (socket.connected) socket.emit("room:unsubscribe", { code }, () => undefined);
    };
  }, [code, userId]);

  // While the realtime link is down, fetch the room over HTTP now and then.
  const connection = useRoomStore((s) => s.connection);
  const isLinkDown = connection === "reconnecting" || connection === "disconnected" || connection === "refused";
  useEffect(() => {
    if (!isLinkDown) return;
    const controller = new AbortController();
    const timer = setInterval(() => void fetchRoom(code, controller.signal), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [code, isLinkDown]);

  // The caller's role, once dealt (again after taking another seat).
  const mySeat = useRoomStore((s) => s.snapshot?.seats.find((x) => x.userId === userId)?.seat ?? null);
  const isDealt = useRoomStore((s) => s.snapshot !== null && s.snapshot.phase !== "WAITING");
  useEffect(() => {
    if (mySeat === null || !isDealt) {
      store().setMyRole(null);
      return;
    }
    const controller = new AbortController();
    getMyRole(code, controller.signal).then(
      (role) => store().setMyRole(role),
      () => undefined,
    );
    return () => controller.abort();
  }, [code, mySeat, isDealt]);

  // The chat so far, for a seated player: on entering, and again after a reconnect (to fill the gap).
  useEffect(() => {
    if (mySeat === null || connection !== "connected") return;
    const controller = new AbortController();
    getChat(code, controller.signal).then(
      (messages) => store().addMessages(messages),
      () => undefined,
    );
    return () => controller.abort();
  }, [code, mySeat, connection]);

  // Everyone stays on the page of the room's phase; a reload or a deep link lands there too.
  const router = useRouter();
  const pathname = usePathname();
  const phase = useRoomStore((s) => s.snapshot?.phase ?? null);
  const round = useRoomStore((s) => s.snapshot?.round ?? 0);
  useEffect(() => {
    if (!phase) return;
    const target = roomPath(code, phase, round);
    if (!isOnRoomPath(pathname, target)) router.replace(target);
  }, [code, phase, round, pathname, router]);

  return null;
}
