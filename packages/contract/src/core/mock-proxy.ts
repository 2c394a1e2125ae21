import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operationsMeta, type Session } from '@twilio-proxy/types';
import { componentHeader, parseSidPattern, specOperation } from '../internal/spec.js';
import { createPageTokens } from '../internal/page-token.js';
import { createRng } from '../internal/prng.js';
import { compiled, ajvIssues } from '../internal/ajv.js';
import { ContractError } from './contract-error.js';
import { createFaultSchedule, type FaultKind, type FaultOptions } from './faults.js';
import { createSessionFactory, sidFor } from './fixtures.js';
import { responseKeyFor, validateRequest, validateResponse, validateSchema, type ContractIssue } from './validators.js';

const OPERATION_ID = 'ListSession';

/**
 * Twilio error codes the mock answers with (documented in the README):
 * 20001 invalid parameter (400) · 20003 authenticate (401) · 20004 method not allowed (405) ·
 * 20404 not found (404) · 20429 too many requests (429) · 20500 internal error (500) · 20503 unavailable (503).
 */
export const MOCK_ERROR_CODES = {
  badRequest: 20001,
  unauthorized: 20003,
  methodNotAllowed: 20004,
  notFound: 20404,
  tooManyRequests: 20429,
  serverError: 20500,
  unavailable: 20503,
} as const;

export interface ApiKey {
  sid: string;
  secret: string;
}

export interface MockProxyOptions {
  /** The sessions to serve, in list order. Default: `count` generated ones. */
  sessions?: Session[];
  /** How many sessions to generate when `sessions` is not given. Default 0. */
  count?: number;
  /** Seed of generated sessions and SIDs. Default 1. */
  seed?: number;
  serviceSid?: string;
  accountSid?: string;
  /** Default: 32 random hex characters. */
  authToken?: string;
  /** API keys accepted besides Account SID + auth token. */
  apiKeys?: ApiKey[];
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: FaultOptions;
  /** Added to every answer. */
  latencyMs?: number;
  /**
   * Validate every response before sending it. Violations go to `violations` and make `close()` reject.
   * Default true (it is the point of a contract mock); benchmarks turn it off.
   */
  selfCheck?: boolean;
  /** Keep `requests`. Default true. */
  recordRequests?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. The Authorization header is never recorded. */
  readonly url: string;
  /** Null when a fault answered no status (reset, stall). */
  status: number | null;
  fault: FaultKind | null;
  requestId: string;
}

export interface SelfCheckViolation {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly errors: ContractIssue[];
}

export interface MockProxy {
  /** Base URL, e.g. `http://127.0.0.1:40123`; the list lives at `${url}/v1/Services/${serviceSid}/Sessions`. */
  readonly url: string;
  readonly serviceSid: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The served sessions, in list order (live: grows with `addSessions`). */
  readonly sessions: readonly Session[];
  readonly requests: RecordedRequest[];
  readonly violations: SelfCheckViolation[];
  /** Appends sessions (generated when given a count) at the end of the list; returns the new ones. */
  addSessions(sessionsOrCount: Session[] | number): Session[];
  /** Replaces the fault schedule (its counter starts again at 0); undefined turns faults off. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Stops the server, destroying open connections; rejects with a ContractError if the self-check saw violations. */
  close(): Promise<void>;
}

const ACCESS_CONTROL_VALUES: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Accept, Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Idempotency-Key',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'ETag, Twilio-Request-Id',
};

interface Answer {
  status: number;
  body: unknown;
  json: string | Buffer;
  headers: Record<string, string>;
  documented: boolean;
  /** For pages: the slice of `sessions` the JSON holds (their validation is memoised). */
  items?: [number, number];
}

/** Starts a Twilio-faithful List Sessions server on loopback. */
export async function startMockProxy(options: MockProxyOptions = {}): Promise<MockProxy> {
  const op = specOperation(OPERATION_ID);
  const meta = operationsMeta[OPERATION_ID];
  const pageSizeParam = meta.parameters.find((p) => p.name === 'PageSize')!;
  const defaultPageSize = Number(pageSizeParam.schema.default);
  const itemsKey = meta.list.itemsKey;
  const seed = options.seed ?? 1;
  const idRng = createRng(seed ^ 0x5eed);
  const given = options.sessions;
  const factory = createSessionFactory({
    seed,
    serviceSid: options.serviceSid ?? given?.[0]?.service_sid ?? undefined,
    accountSid: options.accountSid ?? given?.[0]?.account_sid ?? undefined,
  });
  const serviceSid = factory.serviceSid;
  const accountSid = factory.accountSid;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const apiKeys = options.apiKeys ?? [];
  const selfCheck = options.selfCheck ?? true;
  const recordRequests = options.recordRequests ?? true;
  const globalLatency = options.latencyMs ?? 0;
  const requestIdPattern = parseSidPattern(componentHeader('TwilioRequestId').schema.pattern);
  const tokens = createPageTokens(serviceSid);

  const sessions: Session[] = [];
  const sessionJson: Buffer[] = [];
  // Identical requests get identical pages until the list changes: keep the encoded bytes (bounded).
  const pageCache = new Map<string, Answer>();
  const PAGE_CACHE_LIMIT = 2000;
  // Sessions never change once added, so the self-check validates each against the page's item schema once;
  // a page is then its envelope (validated per response) plus items already known to be valid or not.
  const itemSchema = op.responses['200']?.content?.['application/json']?.schema?.properties?.[itemsKey]?.items;
  const sessionIssues: Array<Array<{ path: string; message: string }>> = [];
  const indexBySid = new Map<string, number>();
  const add = (list: Session[]) => {
    for (const s of list) {
      if (s.sid == null || indexBySid.has(s.sid)) throw new Error(`Duplicate or missing session sid ${s.sid}`);
      indexBySid.set(s.sid, sessions.length);
      sessions.push(s);
      // Serialised once: pages are then string joins, which keeps the mock fast.
      sessionJson.push(Buffer.from(JSON.stringify(s)));
      if (selfCheck && itemSchema) {
        const validate = compiled(`${OPERATION_ID}|200|item`, itemSchema);
        sessionIssues.push(validate(s) ? [] : ajvIssues(validate.errors));
      }
    }
    pageCache.clear();
    return list;
  };
  add(given ?? factory.take(options.count ?? 0));

  let nextFault = createFaultSchedule(options.faults);
  let faultOptions = options.faults;
  const requests: RecordedRequest[] = [];
  const violations: SelfCheckViolation[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  // Route from the spec's path template: /v1/Services/{ServiceSid}/Sessions.
  const pathParamNames: string[] = [];
  const routeRe = new RegExp(
    '^' +
      op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
        pathParamNames.push(name);
        return '([^/]+)';
      }) +
      '$',
  );

  const accessControlHeaders: Record<string, string> = {};
  for (const [name, header] of Object.entries<any>(op.responses['200']?.headers ?? {})) {
    if (!name.toLowerCase().startsWith('access-control-')) continue;
    accessControlHeaders[name] = ACCESS_CONTROL_VALUES[name.toLowerCase()] ?? (header.schema?.type === 'boolean' ? 'true' : '*');
  }

  let baseUrl = '';

  const errorAnswer = (status: number, code: number, message: string, extra: Record<string, string> = {}, documented = true): Answer => {
    const body = { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
    return { status, body, json: JSON.stringify(body), headers: extra, documented };
  };

  const pageUrl = (path: string, pageSize: number, page: number, token?: string) =>
    `${baseUrl}${path}?PageSize=${pageSize}&Page=${page}${token ? `&PageToken=${encodeURIComponent(token)}` : ''}`;

  function authorized(header: string | undefined): boolean {
    if (!header) return false;
    const m = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!m) return false;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep < 0) return false;
    const user = decoded.slice(0, sep);
    const pass = decoded.slice(sep + 1);
    if (user === accountSid && pass === authToken) return true;
    return apiKeys.some((k) => k.sid === user && k.secret === pass);
  }

  /** The answer to a request, before faults of the transport. */
  function answer(req: IncomingMessage): Answer {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://mock.invalid');
    } catch {
      return errorAnswer(404, MOCK_ERROR_CODES.notFound, 'The requested resource was not found', {}, false);
    }
    const m = routeRe.exec(url.pathname);
    if (!m) {
      return errorAnswer(404, MOCK_ERROR_CODES.notFound, `The requested resource ${truncate(url.pathname)} was not found`, {}, false);
    }
    if (req.method !== op.method) {
      return errorAnswer(405, MOCK_ERROR_CODES.methodNotAllowed, 'Method not allowed', { Allow: op.method }, false);
    }
    if (!authorized(req.headers.authorization)) {
      return errorAnswer(401, MOCK_ERROR_CODES.unauthorized, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
    }
    // Only valid, authorised requests are cached, so a hit needs no further checks.
    const cacheKey = url.pathname + url.search;
    const cached = pageCache.get(cacheKey);
    if (cached) return cached;
    const pathValues: Record<string, string> = {};
    for (let i = 0; i < pathParamNames.length; i++) {
      try {
        pathValues[pathParamNames[i]!] = decodeURIComponent(m[i + 1]!);
      } catch {
        pathValues[pathParamNames[i]!] = m[i + 1]!;
      }
    }
    const checked = validateRequest(OPERATION_ID, { path: pathValues, query: url.searchParams });
    const notFound = () =>
      errorAnswer(404, MOCK_ERROR_CODES.notFound, `The requested resource /Services/${truncate(pathValues['ServiceSid'] ?? '')}/Sessions was not found`);
    // A malformed SID names no resource: Twilio answers 404, not 400.
    if (checked.errors.some((e) => e.in === 'path') || pathValues['ServiceSid'] !== serviceSid) return notFound();
    const firstQueryError = checked.errors.find((e) => e.in === 'query');
    if (firstQueryError) {
      const name = firstQueryError.path.slice(1).split('/')[0];
      return errorAnswer(400, MOCK_ERROR_CODES.badRequest, `Invalid ${name}: ${name} ${firstQueryError.message}`, {});
    }
    const q = checked.values.query;
    const pageSize = (q['PageSize'] as number | undefined) ?? defaultPageSize;
    const page = (q['Page'] as number | undefined) ?? 0;
    const token = q['PageToken'] as string | undefined;
    let start: number;
    let end: number;
    if (token !== undefined) {
      const position = tokens.verify(token);
      const at = position ? indexBySid.get(position.sid) : undefined;
      if (!position || at === undefined) return errorAnswer(400, MOCK_ERROR_CODES.badRequest, 'Invalid PageToken', {});
      if (position.direction === 'after') {
        start = at + 1;
        end = Math.min(sessions.length, start + pageSize);
      } else {
        end = at;
        start = Math.max(0, end - pageSize);
      }
    } else {
      start = Math.min(sessions.length, page * pageSize);
      end = Math.min(sessions.length, start + pageSize);
    }
    const path = url.pathname;
    const first = sessions[start];
    const last = sessions[end - 1];
    const pageMeta = {
      page,
      page_size: pageSize,
      first_page_url: pageUrl(path, pageSize, 0),
      previous_page_url: page > 0 && start > 0 && first ? pageUrl(path, pageSize, page - 1, tokens.issue({ direction: 'before', sid: first.sid! })) : null,
      url: pageUrl(path, pageSize, page, token),
      next_page_url: end < sessions.length && last ? pageUrl(path, pageSize, page + 1, tokens.issue({ direction: 'after', sid: last.sid! })) : null,
      key: itemsKey,
    };
    const parts: Buffer[] = [Buffer.from(`{"${itemsKey}":[`)];
    for (let i = start; i < end; i++) {
      if (i > start) parts.push(COMMA);
      parts.push(sessionJson[i]!);
    }
    parts.push(Buffer.from(`],"meta":${JSON.stringify(pageMeta)}}`));
    const json = Buffer.concat(parts);
    const body = selfCheck ? { [itemsKey]: itemSchema ? [] : sessions.slice(start, end), meta: pageMeta } : undefined;
    const answered: Answer = { status: 200, body, json, headers: {}, documented: true, items: [start, end] };
    if (pageCache.size >= PAGE_CACHE_LIMIT) pageCache.clear();
    pageCache.set(cacheKey, answered);
    return answered;
  }

  function check(req: IncomingMessage, a: Answer, headers: Record<string, string>) {
    let errors: ContractIssue[];
    if (a.documented && responseKeyFor(OPERATION_ID, a.status) !== undefined) {
      errors = validateResponse(OPERATION_ID, a.status, a.body, headers).errors;
      if (a.items && itemSchema) {
        for (let i = a.items[0]; i < a.items[1]; i++) {
          for (const issue of sessionIssues[i] ?? []) errors.push({ in: 'body', path: `/${itemsKey}/${i - a.items[0]}${issue.path}`, message: issue.message });
        }
      }
    } else {
      // Off-spec paths and methods have no operation; their bodies must still be Twilio errors.
      errors = [...validateSchema('TwilioError', a.body).errors];
      const validate = compiled('#header|TwilioRequestId', componentHeader('TwilioRequestId').schema);
      if (!validate(headers['Twilio-Request-Id'])) {
        errors.push(...ajvIssues(validate.errors, '/Twilio-Request-Id').map((i) => ({ in: 'header' as const, ...i })));
      }
    }
    if (errors.length) violations.push({ method: req.method ?? '', url: req.url ?? '', status: a.status, errors });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume(); // the mock reads no bodies; drain them so keep-alive connections stay usable
    const requestId = requestIdPattern.prefix + idRng.hex(requestIdPattern.hexLength);
    const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', status: null, fault: null, requestId };
    if (recordRequests) requests.push(record);
    const fault = nextFault();
    record.fault = fault;
    if (globalLatency > 0) await delay(globalLatency);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'stall') {
      if (faultOptions?.stallMs !== undefined) {
        await delay(faultOptions.stallMs);
        req.socket.destroy();
      }
      return;
    }
    if (fault === 'latency') await delay(faultOptions?.latencyMs ?? 200);
    let a: Answer;
    if (fault === 'rate-limit') {
      a = errorAnswer(429, MOCK_ERROR_CODES.tooManyRequests, 'Too Many Requests', { 'Retry-After': String(faultOptions?.retryAfter ?? 1) });
    } else if (fault === 'server-error') {
      a = errorAnswer(500, MOCK_ERROR_CODES.serverError, 'An internal server error has occurred');
    } else if (fault === 'unavailable') {
      a = errorAnswer(503, MOCK_ERROR_CODES.unavailable, 'Service Unavailable');
    } else {
      a = answer(req);
    }
    const headers: Record<string, string> = {
      ...accessControlHeaders,
      ...a.headers,
      'Twilio-Request-Id': requestId,
      'Content-Type': 'application/json; charset=utf-8',
    };
    if (selfCheck) check(req, a, headers);
    record.status = a.status;
    const payload = typeof a.json === 'string' ? Buffer.from(a.json) : a.json;
    headers['Content-Length'] = String(payload.length);
    res.writeHead(a.status, headers);
    if (fault === 'truncate') {
      res.write(payload.subarray(0, payload.length >> 1), () => res.destroy());
      return;
    }
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the mock, never a fault: answer 500 and record it so the self-check fails loudly.
      violations.push({
        method: req.method ?? '',
        url: req.url ?? '',
        status: 500,
        errors: [{ in: 'status', path: '', message: `mock crashed: ${(err as Error)?.message ?? String(err)}` }],
      });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: MOCK_ERROR_CODES.serverError, message: 'Mock failure', status: 500 }));
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    serviceSid,
    accountSid,
    authToken,
    sessions,
    requests,
    violations,
    addSessions(sessionsOrCount) {
      return add(typeof sessionsOrCount === 'number' ? factory.take(sessionsOrCount) : sessionsOrCount);
    },
    setFaults(faults) {
      faultOptions = faults;
      nextFault = createFaultSchedule(faults);
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => {
        if (violations.length) {
          const issues = violations.slice(0, 20).flatMap((v) =>
            v.errors.map((e) => ({ ...e, message: `${v.method} ${truncate(v.url)} → ${v.status}: ${e.message}` })),
          );
          throw new ContractError(OPERATION_ID, `mock self-check (${violations.length} bad responses)`, issues);
        }
      });
      return closed;
    },
  };
}

const COMMA = Buffer.from(',');

function truncate(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** A fresh, random-looking Service SID (from the spec's pattern), e.g. for "unknown service" checks. */
export function randomServiceSid(seed = Date.now()): string {
  return sidFor('service_sid', createRng(seed));
}
