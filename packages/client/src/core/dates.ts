/** The date-time fields of an item: Twilio names them `date_*` (a test checks this against every schema of the spec). */
export type DateField<T> = Extract<keyof T, `date_${string}`>;
/** An item whose `date_*` strings are `Date`s. */
export type WithDates<T> = { [K in keyof T]: K extends `date_${string}` ? (null extends T[K] ? Date | null : Date) : T[K] };

/** Returns a copy of an item whose `date_*` ISO strings are `Date` objects (null stays null). */
export function parseDates<T extends object>(item: T): WithDates<T> {
  const out = { ...item } as Record<string, unknown>;
  for (const k in out) {
    if (k.startsWith('date_') && typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  }
  return out as WithDates<T>;
}
