/** One SMS the simulated panel accepted, in the shape of Kavenegar's `entries[]`. */
export interface KavenegarMessage {
  readonly messageid: number;
  readonly message: string;
  /** 1: queued ("در صف ارسال"), as the real API answers right after sending. */
  readonly status: number;
  readonly statustext: string;
  readonly sender: string;
  readonly receptor: string;
  /** Unix seconds. */
  readonly date: number;
  /** In rials, per part of the message. */
  readonly cost: number;
}
