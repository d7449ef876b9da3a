"use client";

import { useEffect } from "react";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { isApiError } from "@/lib/client/api";
import { listMonitoredRooms } from "@/lib/client/facilitator-api";
import { emitAck, getSocket } from "@/lib/client/socket";
import { useMeStore } from "@/lib/client/stores/me";
import { useMonitorStore } from "./monitor-store";

/** How often the rooms are fetched over HTTP while the realtime link is down. */
const POLL_MS = 5000;

const store = () => useMonitorStore.getState();

async function fetchRooms(signal?: AbortSignal): Promise<void> {
  try {
    store().receiveAll(await listMonitoredRooms(signal));
  } catch (e) {
    if (signal?.aborted) return;
    if (isApiError(e) && e.status === 401) useMeStore.getState().load().catch(() => undefined);
    else if (store().status === "loading") store().setStatus("error");
  }
}

/** Loads the rooms again after a failed first load (the "Try again" button). */
export function refetchMonitor(): Promise<void> {
  store().setStatus("loading");
  return fetchRooms();
}

/**
 * Headless: keeps the monitor store in step with the server. Loads the rooms, subscribes to
 * `monitor:room` pushes (again after every reconnect, which also refreshes the whole list),
 * and polls over HTTP while the socket is down. Unsubscribes on unmount.
 */
export function MonitorSync({ userId }: { userId: string }) {
  useEffect(() => {
    store().reset();
    const controller = new AbortController();
    void fetchRooms(controller.signal);

    const socket = getSocket(userId);
    const subscribe = () => {
      store().setConnection("connected");
      emitAck(socket, "monitor:subscribe", {}).then(
        (rooms) => store().receiveAll(rooms),
        (e: unknown) => {
          if (isApiError(e, "UNAUTHORIZED")) useMeStore.getState().load().catch(() => undefined);
        },
      );
    };
    const onDisconnect = (reason: string) => store().setConnection(reason === "io client disconnect" ? "disconnected" : "reconnecting");
    const onConnectError = () => store().setConnection(socket.active ? "reconnecting" : "disconnected");
    const onReconnectFailed = () => store().setConnection("disconnected");
    const onRoom = (snapshot: RoomSnapshot) => store().receive(snapshot);

    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.io.on("reconnect_failed", onReconnectFailed);
    socket.on("monitor:room", onRoom);

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
      socket.off("monitor:room", onRoom);
      if (socket.connected) socket.emit("monitor:unsubscribe", {}, () => undefined);
    };
  }, [userId]);

  const connection = useMonitorStore((s) => s.connection);
  const isLinkDown = connection === "reconnecting" || connection === "disconnected";
  useEffect(() => {
    if (!isLinkDown) return;
    const controller = new AbortController();
    const timer = setInterval(() => void fetchRooms(controller.signal), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [isLinkDown]);

  return null;
}
