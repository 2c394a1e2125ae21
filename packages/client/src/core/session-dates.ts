import type { Session } from '@twilio-proxy/types';

/** The date-time fields of a Session: Twilio names them `date_*` (a test checks this against the spec). */
export type SessionDateField = Extract<keyof Session, `date_${string}`>;
/** A Session (or any object with its fields) whose `date_*` strings are `Date`s. */
export type WithDates<T> = { [K in keyof T]: K extends `date_${string}` ? (null extends T[K] ? Date | null : Date) : T[K] };

/** Returns a copy of a session whose `date_*` ISO strings are `Date` objects (null stays null). */
export function parseSessionDates<T extends object = Session>(session: T): WithDates<T> {
  const out = { ...session } as Record<string, unknown>;
  for (const k in out) {
    if (k.startsWith('date_') && typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  }
  return out as WithDates<T>;
}
