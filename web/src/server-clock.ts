/**
 * The server's clock as seen from the page. The deadline is the server's; the candidate's computer may be
 * minutes off. Every answer that carries serverNow is a sample: the server read its clock somewhere in the
 * round trip, so the midpoint is the best guess, and a sample with a long round trip is a poor one.
 */
const USABLE_ROUND_TRIP_MS = 5000;

export class ServerClock {
  #offset = 0;
  #sampled = false;
  readonly #localNow: () => number;

  constructor(localNow: () => number = Date.now) {
    this.#localNow = localNow;
  }

  /** A response sent at `sentAt` and received at `receivedAt` (local milliseconds) said it was `serverNow`. */
  observe(serverNow: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverNow);
    if (Number.isNaN(server)) return;
    const roundTrip = receivedAt - sentAt;
    if (this.#sampled && roundTrip > USABLE_ROUND_TRIP_MS) return;
    this.#offset = server - (sentAt + roundTrip / 2);
    this.#sampled = true;
  }

  /** The server's time now, in epoch milliseconds. */
  now(): number {
    return this.#localNow() + this.#offset;
  }
}
