// Stock reservations for checkout: a customer's items are held for a while when checkout starts,
// and go back on the shelf when the order is cancelled or the hold expires.
import { randomUUID } from 'node:crypto';

/** Stock levels per SKU, backed by Redis in production (GET, and INCRBY which returns the new level). */
export interface StockStore {
  get(sku: string): Promise<number>;
  incrBy(sku: string, delta: number): Promise<number>;
}

export interface Reservation {
  id: string;
  sku: string;
  quantity: number;
  expiresAt: number; // epoch ms
}

export class OutOfStockError extends Error {
  constructor(
    readonly sku: string,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`only ${available} of ${sku} left, ${requested} requested`);
  }
}

export class ReservationService {
  private readonly reservations = new Map<string, Reservation>();

  constructor(
    private readonly stock: StockStore,
    private readonly holdMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds `quantity` units of `sku` for this checkout, or throws OutOfStockError. */
  async reserve(sku: string, quantity: number): Promise<Reservation> {
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw new RangeError('quantity must be a positive whole number');
    }
    const remaining = await this.stock.incrBy(sku, -quantity);
    if (remaining < 0) {
      await this.stock.incrBy(sku, quantity);
      throw new OutOfStockError(sku, quantity, remaining + quantity);
    }

    const reservation: Reservation = { id: randomUUID(), sku, quantity, expiresAt: this.now() + this.holdMs };
    this.reservations.set(reservation.id, reservation);
    return reservation;
  }

  /** The order was paid: the units are sold, so the hold is simply forgotten. */
  confirm(reservationId: string): boolean {
    return this.reservations.delete(reservationId);
  }

  /** Puts the units back. Safe to call twice: the second call finds nothing to release. */
  async release(reservationId: string): Promise<boolean> {
    const reservation = this.reservations.get(reservationId);
    if (!reservation) return false;
    this.reservations.delete(reservationId);
    await this.stock.incrBy(reservation.sku, reservation.quantity);
    return true;
  }

  /** Releases every hold whose time is up; run it from a timer every minute. Returns how many. */
  async releaseExpired(): Promise<number> {
    const now = this.now();
    let released = 0;
    for (const reservation of this.reservations.values()) {
      if (reservation.expiresAt <= now && (await this.release(reservation.id))) released += 1;
    }
    return released;
  }
}
