/** The date-time fields of an item: Twilio names them `date_*` (a test checks this against every schema of the spec). */
export type DateField<T> = Extract<keyof T, `date_${string}`>;
/** An item whose `date_*` strings are `Date`s. */
export type WithDates<T> = { [K in keyof T]: K extends `date_${string}` ? (null extends T[K] ? Date | null : Date) : T[K] };

/**
 * Returns a copy of an item whose date-time ISO strings are `Date` objects (null stays null). `fields` are the
 * operation's `dateFields` (the item properties the spec states as `format: date-time`); without them, the
 * `date_*` properties, as before the spec said which.
 */
export function parseDates<T extends object>(item: T, fields?: readonly string[]): WithDates<T> {
  const out = { ...item } as Record<string, unknown>;
  for (const k of fields ?? Object.keys(out).filter((k) => k.startsWith('date_'))) {
    if (typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  }
  return out as WithDates<T>;
}
