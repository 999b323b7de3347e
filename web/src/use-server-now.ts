/**
 * The server's time, re-read twice a second. Only the countdown re-renders that often; the rest of the page
 * asks whether the deadline has passed, which changes once.
 */
import { useEffect, useState } from 'react';
import type { ServerClock } from './server-clock';

const TICK_MS = 500;

export function useServerNow(clock: ServerClock): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return now;
}

/** Whether the server's clock has reached `deadline` (epoch milliseconds). */
export function useDeadlinePassed(clock: ServerClock, deadline: number): boolean {
  const [passed, setPassed] = useState(() => clock.now() >= deadline);
  useEffect(() => {
    const check = () => setPassed(clock.now() >= deadline);
    check();
    const timer = setInterval(check, TICK_MS);
    return () => clearInterval(timer);
  }, [clock, deadline]);
  return passed;
}
