import type { Socket } from "node:net";
import { WebSocket } from "ws";

type Frame = Parameters<WebSocket["send"]>[0];
type SendCallback = (error?: Error) => void;
interface SendOptions {
  mask?: boolean;
  binary?: boolean;
  compress?: boolean;
  fin?: boolean;
}

/** Bytes already waiting on a socket past which a sender waits for them to drain (a stream's default high-water mark). */
const BUFFERED_LIMIT = 16 * 1024;

/**
 * Sockets corked in one turn that are written out together without waiting for the turn's end. An
 * event fanned out to 1,000 dashboards then starts leaving after its first 32 sockets, while the
 * others are prepared, instead of after all 1,000: the readers (and the kernel) work in the
 * meantime. A socket written out early and sent to again in the same turn corks again and leaves
 * with the next batch, so at worst its frames of the turn take two writes.
 */
export const SOCKETS_PER_WRITE = 32;

/**
 * A WebSocket whose frames sent in one turn of the event loop leave in one write. graphql-ws sends a subscription's
 * opening events one by one, each after the previous send's callback, which ws calls only once the
 * frame is written: a write (a `writev` system call) per frame. Here the TCP socket is corked until
 * the event loop's turn ends (setImmediate: the promise chain from one frame to the next runs
 * within the turn) or until SOCKETS_PER_WRITE sockets wait, and while little is buffered the callback is called as soon as the frame is
 * queued, so the next frame joins the same write. Past BUFFERED_LIMIT the callback waits for
 * the write, as before: a slow reader still holds graphql-ws back.
 */
export class CoalescingWebSocket extends WebSocket {
  /** Sockets corked this turn and not written out yet, uncorked together: not one callback per socket. */
  private static readonly corkedThisTurn: CoalescingWebSocket[] = [];
  private tcp: Socket | null = null;
  private corked = false;

  /** The TCP socket under this WebSocket (its upgrade request's); frames coalesce from then on. */
  coalesceOn(tcp: Socket): void {
    this.tcp = tcp;
  }

  override send(data: Frame, options?: SendOptions | SendCallback, callback?: SendCallback): void {
    const done = typeof options === "function" ? options : callback;
    const sendOptions = typeof options === "function" || options === undefined ? {} : options;
    if (!this.tcp || this.readyState !== WebSocket.OPEN) {
      super.send(data, sendOptions, done);
      return;
    }
    this.corkForTurn(this.tcp);
    if (!done || this.bufferedAmount >= BUFFERED_LIMIT) {
      super.send(data, sendOptions, done);
      return;
    }
    // A failed write errors the socket, which ws then closes: graphql-ws learns of it by the close.
    super.send(data, sendOptions);
    done();
  }

  private corkForTurn(tcp: Socket): void {
    if (this.corked) return;
    this.corked = true;
    tcp.cork();
    const corked = CoalescingWebSocket.corkedThisTurn;
    corked.push(this);
    if (corked.length === 1) setImmediate(() => CoalescingWebSocket.uncorkAll());
    else if (corked.length === SOCKETS_PER_WRITE) CoalescingWebSocket.uncorkAll();
  }

  private static uncorkAll(): void {
    for (const socket of CoalescingWebSocket.corkedThisTurn.splice(0)) {
      socket.corked = false;
      socket.tcp?.uncork();
    }
  }
}
