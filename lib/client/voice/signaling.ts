import { ApiError } from "../api";
import { emitAck, type AppSocket } from "../socket";
import type { SignalingChannel, SignalingHandlers } from "./mesh";

/** The voice:* events of one room over the app's shared socket (API.md "Socket.IO"). */
export function socketSignaling(socket: AppSocket, code: string): SignalingChannel & { state(muted: boolean, speaking: boolean): void } {
  return {
    get connected() {
      return socket.connected;
    },
    async join() {
      const { peers } = await emitAck(socket, "voice:join", { code });
      return peers;
    },
    async signal(to, data) {
      // Not buffered for later: after a reconnect the hub wants voice:join first, and the mesh re-signals.
      if (!socket.connected) throw new ApiError(0, "OFFLINE", "Not connected.");
      await emitAck(socket, "voice:signal", { code, to, data });
    },
    leave() {
      socket.emit("voice:leave", { code }, () => undefined);
    },
    state(muted, speaking) {
      if (socket.connected) socket.emit("voice:state", { code, muted, speaking }, () => undefined);
    },
    subscribe(h: SignalingHandlers) {
      const onConnect = () => h.connect();
      const onDisconnect = () => h.disconnect();
      const onPeers = ({ peers }: { peers: string[] }) => h.peers(peers);
      const onJoined = ({ userId }: { userId: string }) => h.peerJoined(userId);
      const onLeft = ({ userId }: { userId: string }) => h.peerLeft(userId);
      const onSignal = ({ from, data }: { from: string; data: Record<string, unknown> }) => h.signal(from, data);
      socket.on("connect", onConnect);
      socket.on("disconnect", onDisconnect);
      socket.on("voice:peers", onPeers);
      socket.on("voice:peer-joined", onJoined);
      socket.on("voice:peer-left", onLeft);
      socket.on("voice:signal", onSignal);
      return () => {
        socket.off("connect", onConnect);
        socket.off("disconnect", onDisconnect);
        socket.off("voice:peers", onPeers);
        socket.off("voice:peer-joined", onJoined);
        socket.off("voice:peer-left", onLeft);
        socket.off("voice:signal", onSignal);
      };
    },
  };
}
