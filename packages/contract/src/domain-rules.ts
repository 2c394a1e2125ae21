/**
 * Domain rules: what the spec cannot say about the data (Twilio semantics), and friendlier fixture values.
 * The one hand-written file of the package allowed to name a schema or a property; the fixtures read
 * everything else from the spec. A schema without rules here still gets spec-valid items.
 */
import type { Session, SessionStatus } from '@twilio-proxy/types';
import { type JsonObject, snakeCase } from '@twilio-proxy/types/walker';
import type { Rng } from './internal/prng.js';

/** What a rule may use while an item is made. */
export interface RuleContext {
  /** 0 for the first item of a factory, then 1, 2, … */
  readonly index: number;
  readonly rng: Rng;
  /** When the item was created (ms since the epoch); later items are later. */
  readonly time: number;
}

/** ISO 8601 without milliseconds, as Twilio writes dates. */
export const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * Words of free-text values (names), so tables and snapshots show real-world text: accents, CJK, Devanagari,
 * Cyrillic, emoji, a ZWJ family, a skin-tone modifier and a combining accent (`é` as e + U+0301).
 */
export const FRIENDLY_WORDS: readonly string[] = [
  'order',
  'ride',
  'delivery',
  'rental',
  'support',
  'booking',
  'Zoë',
  'café',
  'cafe\u0301',
  '注文',
  'заказ',
  'नमस्ते',
  '🚀',
  '✅',
  '👨‍👩‍👧',
  '👍🏽',
];

/** Whole graphemes that pad a value to exactly its `maxLength` code points (each one code point). */
export const FILLER: readonly string[] = ['ñ', '日', 'a', 'é', '-', 'ß', 'न', '✅'];

/** A unique friendly name for item `index`: two words and the index. */
export const friendlyName = (ctx: RuleContext): string => `${ctx.rng.pick(FRIENDLY_WORDS)} ${ctx.rng.pick(FRIENDLY_WORDS)} #${ctx.index}`;

/** A US test number (555 exchange): the shape Twilio identifiers have. */
const phone = (ctx: RuleContext): string => `+1555${String(ctx.rng.int(0, 9_999_999)).padStart(7, '0')}`;

/** Values by property name, for any schema with that property (after the spec's own constraints are read). */
export const PROPERTY_RULES: Readonly<Record<string, (ctx: RuleContext) => unknown>> = {
  identifier: phone,
  proxy_identifier: phone,
  // A listed resource has not been removed.
  date_deleted: () => null,
  date_created: (ctx) => iso(ctx.time),
};

/** Properties that hold names: never a phone number, sometimes null, sometimes exactly `maxLength` code points. */
export const NAME_PROPERTIES: ReadonlySet<string> = new Set(['unique_name', 'friendly_name']);

/** Statuses after which a session has ended: `date_ended` is set exactly for these (Twilio semantics, not in the spec). */
export const ENDED_STATUSES: readonly SessionStatus[] = ['closed', 'failed'];

const CLOSED_REASONS = ['', 'ttl', 'api', 'participant removed'];
const TTLS = [0, 0, 300, 3600, 86_400];

/** date_created ≤ date_started ≤ date_last_interaction ≤ date_ended ≤ date_updated; ended exactly when closed or failed. */
function sessionRule(s: Session, ctx: RuleContext): void {
  const { rng } = ctx;
  const created = ctx.time;
  const started = created + rng.int(0, 30) * 1000;
  const ended = ENDED_STATUSES.includes(s.status);
  const lastInteraction = rng() < 0.3 && !ended ? null : started + rng.int(0, 3600) * 1000;
  const endedAt = ended ? (lastInteraction ?? started) + rng.int(1, 3600) * 1000 : null;
  const updated = endedAt ?? (lastInteraction ?? started) + rng.int(0, 60) * 1000;
  const ttl = rng.pick(TTLS);
  const expiry = ttl > 0 ? (lastInteraction ?? created) + ttl * 1000 : rng() < 0.5 ? null : created + 86_400_000;
  s.date_created = iso(created);
  s.date_started = iso(started);
  s.date_last_interaction = lastInteraction === null ? null : iso(lastInteraction);
  s.date_ended = endedAt === null ? null : iso(endedAt);
  s.date_updated = iso(updated);
  s.date_expiry = expiry === null ? null : iso(expiry);
  s.ttl = ttl;
  s.closed_reason = ended ? rng.pick(CLOSED_REASONS) : null;
}

/** Twilio's server-owned dates: set on create, and the second on every write (the mock's writes). */
export const CREATED_PROPERTY = 'date_created';
export const UPDATED_PROPERTY = 'date_updated';

/** What a write rule may use: when the write happens, whether it creates the item, and the properties the client set. */
export interface WriteContext {
  readonly now: number;
  readonly created: boolean;
  readonly changed: ReadonlySet<string>;
  /** The body fields the client sent, by wire name, typed as the spec says. */
  readonly fields: ReadonlyMap<string, unknown>;
}

/** A per-schema rule: the properties it sets (the factory leaves them to it) and how; `write` runs on the mock's writes. */
export interface SchemaRule {
  readonly sets: readonly string[];
  apply(item: JsonObject, ctx: RuleContext): void;
  write?(item: JsonObject, ctx: WriteContext): void;
  /**
   * A created item is also an item of this schema's collection under the same parents, with the same SID and the
   * properties both schemas have (Twilio: a message interaction is one of its session's interactions).
   */
  readonly alsoListedAs?: string;
}

/** A session written through the mock: started when created, ended (now) exactly when closed or failed, dates in order. */
function sessionWrite(s: Session, ctx: WriteContext): void {
  const now = iso(ctx.now);
  if (ctx.created) {
    s.date_started = now;
    s.date_last_interaction = null;
    if (!ctx.changed.has('date_expiry')) s.date_expiry = s.ttl > 0 ? iso(ctx.now + s.ttl * 1000) : null;
  }
  const ended = ENDED_STATUSES.includes(s.status);
  if (ended && s.date_ended === null) {
    s.date_ended = now;
    s.closed_reason ??= 'api';
  } else if (!ended) {
    s.date_ended = null;
    s.closed_reason = null;
  }
}

/**
 * A message sent through the mock: an outbound message to its participant, whose `data` is the JSON of what was
 * sent (`{"body": …}`, as Twilio's examples show), with nothing inbound.
 */
function messageInteractionWrite(m: JsonObject, ctx: WriteContext): void {
  if (!ctx.created) return;
  const sent = Object.fromEntries([...ctx.fields].map(([name, value]) => [snakeCase(name), value]));
  m.data = JSON.stringify(sent);
  m.type = 'message';
  m.outbound_participant_sid = m.participant_sid;
  m.outbound_resource_type = 'Message';
  m.outbound_resource_status = 'sent';
  for (const key of [
    'inbound_participant_sid',
    'inbound_resource_sid',
    'inbound_resource_status',
    'inbound_resource_type',
    'inbound_resource_url',
  ])
    m[key] = null;
}

/** Per component schema: adjusts an item the generic factory made from the spec. */
export const SCHEMA_RULES: Readonly<Record<string, SchemaRule>> = {
  Session: {
    sets: ['date_created', 'date_started', 'date_last_interaction', 'date_ended', 'date_updated', 'date_expiry', 'ttl', 'closed_reason'],
    apply: sessionRule,
    write: sessionWrite as (item: JsonObject, ctx: WriteContext) => void,
  },
  MessageInteraction: {
    sets: [],
    apply: () => {},
    write: messageInteractionWrite,
    alsoListedAs: 'Interaction',
  },
};
