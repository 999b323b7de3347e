// Room booking conflicts for the meeting-room API.

/** Holds the room from `start` until `end`; the room is free again at `end`. */
export interface Booking {
  id: string;
  roomId: string;
  start: Date;
  end: Date;
  cancelled?: boolean;
}

export interface BookingRequest {
  roomId: string;
  start: Date;
  end: Date;
}

export interface Slot {
  start: Date;
  end: Date;
}

export class InvalidBookingError extends Error {}

const MS_PER_MINUTE = 60_000;

/** Rejects requests with invalid dates, no duration, or longer than the maximum booking length. */
export function validateRequest(request: BookingRequest, maxHours = 8): void {
  const durationMs = request.end.getTime() - request.start.getTime();
  if (Number.isNaN(durationMs)) throw new InvalidBookingError('start and end must be valid dates');
  if (durationMs <= 0) throw new InvalidBookingError('a booking must end after it starts');
  if (durationMs > maxHours * 60 * MS_PER_MINUTE) {
    throw new InvalidBookingError(`a booking may last at most ${maxHours} hours`);
  }
}

/** Two intervals overlap when each one starts before the other one ends. */
function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/** Every active booking of the same room that shares any time with the request. */
export function findConflicts(request: BookingRequest, existing: readonly Booking[]): Booking[] {
  validateRequest(request);
  const start = request.start.getTime();
  const end = request.end.getTime();
  return existing.filter(
    (b) => b.roomId === request.roomId && !b.cancelled && overlaps(start, end, b.start.getTime(), b.end.getTime()),
  );
}

/** True when the room is free for the whole requested interval. */
export function canBook(request: BookingRequest, existing: readonly Booking[]): boolean {
  return findConflicts(request, existing).length === 0;
}

/**
 * The free gaps of at least `minMinutes` in a room between `from` and `to`, earliest first.
 * Used by the "suggest another time" panel when a request conflicts.
 */
export function freeSlots(roomId: string, existing: readonly Booking[], from: Date, to: Date, minMinutes = 15): Slot[] {
  const busy = existing
    .filter((b) => b.roomId === roomId && !b.cancelled && b.start < to && b.end > from)
    .sort((a, b) => a.start.getTime() - b.start.getTime());

  const minMs = minMinutes * MS_PER_MINUTE;
  const slots: Slot[] = [];
  let cursor = from.getTime();
  for (const booking of busy) {
    const busyFrom = booking.start.getTime();
    if (busyFrom - cursor >= minMs) slots.push({ start: new Date(cursor), end: new Date(busyFrom) });
    cursor = Math.max(cursor, booking.end.getTime());
  }
  if (to.getTime() - cursor >= minMs) slots.push({ start: new Date(cursor), end: to });
  return slots;
}
