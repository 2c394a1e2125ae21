import type { Session, SessionMode, SessionStatus } from '@twilio-proxy/types';
import { createRng, type Rng } from '../internal/prng.js';
import { componentSchema, parseSidPattern, specOperation, specServerUrl } from '../internal/spec.js';

export interface SessionFactoryOptions {
  /** Same seed, same sessions. Default 1. */
  seed?: number;
  serviceSid?: string;
  accountSid?: string;
  /** When the first session is created; later ones follow in time. Default 2020-01-01T00:00:00Z. */
  start?: Date;
}

export interface SessionFactory {
  readonly serviceSid: string;
  readonly accountSid: string;
  /** The next session; every call gives a new, unique one. */
  next(): Session;
  /** The next `n` sessions. */
  take(n: number): Session[];
}

/** Statuses after which a session has ended: `date_ended` is set exactly for these (Twilio semantics, not in the spec). */
export const ENDED_STATUSES: readonly SessionStatus[] = ['closed', 'failed'];

const sessionSchema = () => componentSchema('Session');

/** A SID generator for a property of the Session schema, from that property's `pattern`. */
export function sidFor(property: 'sid' | 'service_sid' | 'account_sid', rng: Rng): string {
  const { prefix, hexLength } = parseSidPattern(sessionSchema().properties[property].pattern);
  return prefix + rng.hex(hexLength);
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const WORDS = ['order', 'ride', 'delivery', 'rental', 'support', 'booking', 'Zoë', 'café', '注文', 'заказ'];
const FILLER = 'ñ日aé-ß';
const CLOSED_REASONS = ['', 'ttl', 'api', 'participant removed'];
const TTLS = [0, 0, 300, 3600, 86_400];

/** Deterministic, spec-valid Sessions: every pattern, bound and enum is read from the spec. */
export function createSessionFactory(options: SessionFactoryOptions = {}): SessionFactory {
  const rng = createRng(options.seed ?? 1);
  const schema = sessionSchema();
  const statuses: SessionStatus[] = schema.properties.status.enum;
  const modes: SessionMode[] = schema.properties.mode.enum;
  const maxName: number = schema.properties.unique_name.maxLength ?? 191;
  // Drawn even when given, so a seed yields the same sessions whichever SIDs the caller fixes.
  const defaultServiceSid = sidFor('service_sid', rng);
  const defaultAccountSid = sidFor('account_sid', rng);
  const serviceSid = options.serviceSid ?? defaultServiceSid;
  const accountSid = options.accountSid ?? defaultAccountSid;
  const listPath = specOperation('ListSession').path.replace('{ServiceSid}', serviceSid);
  const base = specServerUrl();
  const seen = new Set<string>();
  let clock = (options.start ?? new Date('2020-01-01T00:00:00Z')).getTime();
  let index = 0;

  function uniqueName(i: number): string | null {
    const r = rng();
    if (r < 0.15) return null;
    if (r < 0.2) {
      // At the limit: counted in code points, as JSON Schema's maxLength does.
      const chars = [...`${i}:`];
      while (chars.length < maxName) chars.push(FILLER[chars.length % FILLER.length]!);
      return chars.join('');
    }
    return `${rng.pick(WORDS)} ${rng.pick(WORDS)} #${i}`;
  }

  function next(): Session {
    const i = index++;
    let sid = sidFor('sid', rng);
    while (seen.has(sid)) sid = sidFor('sid', rng);
    seen.add(sid);
    clock += rng.int(1, 600) * 1000;
    const created = clock;
    const started = created + rng.int(0, 30) * 1000;
    // Cycle through the enums first so every value shows up even in tiny lists, then draw at random.
    const status = i < statuses.length ? statuses[i]! : rng.pick(statuses);
    const mode = i < modes.length ? modes[i]! : rng.pick(modes);
    const ended = ENDED_STATUSES.includes(status);
    const lastInteraction = rng() < 0.3 && !ended ? null : started + rng.int(0, 3600) * 1000;
    const endedAt = ended ? (lastInteraction ?? started) + rng.int(1, 3600) * 1000 : null;
    const updated = endedAt ?? (lastInteraction ?? started) + rng.int(0, 60) * 1000;
    const ttl = rng.pick(TTLS);
    const expiry = ttl > 0 ? (lastInteraction ?? created) + ttl * 1000 : rng() < 0.5 ? null : created + 86_400_000;
    return {
      sid,
      service_sid: serviceSid,
      account_sid: accountSid,
      date_started: iso(started),
      date_ended: endedAt === null ? null : iso(endedAt),
      date_last_interaction: lastInteraction === null ? null : iso(lastInteraction),
      date_expiry: expiry === null ? null : iso(expiry),
      unique_name: uniqueName(i),
      status,
      closed_reason: ended ? rng.pick(CLOSED_REASONS) : null,
      ttl,
      mode,
      date_created: iso(created),
      date_updated: iso(updated),
      url: `${base}${listPath}/${sid}`,
    };
  }

  return {
    serviceSid,
    accountSid,
    next,
    take: (n) => Array.from({ length: n }, next),
  };
}
