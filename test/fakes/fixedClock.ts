/** A `Clock` that says what the test tells it to. */
import type { Clock } from '../../src/core/ports';

export class FixedClock implements Clock {
  private current: number;

  /** Starts at `start` (an ISO string, a Date, or epoch milliseconds); default 2024-05-17T10:00:00Z. */
  constructor(start: string | Date | number = '2024-05-17T10:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: string | Date | number): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
