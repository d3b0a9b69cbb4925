/** Time source; tests pass a fake one to drive waits, idle timeouts and business hours. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
