/** Fields every error of this package may carry. None of them ever holds a credential. */
export interface ProxyErrorFields {
  /** How many HTTP attempts were made before giving up (retries included). */
  attempts?: number;
  /** Twilio's `Twilio-Request-Id` of the last response, when there was one. */
  requestId?: string;
}

/** Base class of every error this package throws. */
export class ProxyError extends Error {
  override name = 'ProxyError';
  declare attempts?: number;
  declare requestId?: string;

  constructor(message: string, fields?: object, options?: ErrorOptions) {
    super(message, options);
    Object.assign(this, fields);
  }

  /** JSON.stringify gives the useful fields (an Error alone serialises to `{}`); never the stack. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** The API answered with a non-2xx status, or with a body that is not what the spec promises. */
export class ProxyApiError extends ProxyError {
  override name = 'ProxyApiError';
  /** HTTP status of the response. */
  declare status: number;
  /** Twilio error code (e.g. 20404), when the body was a Twilio error. */
  declare code?: number;
  /** Link to Twilio's documentation of `code`. */
  declare moreInfo?: string;
  declare details?: Record<string, unknown>;
  /** Set when the body itself was refused: `response-too-large` (over `maxResponseBytes`; not retried). */
  declare reason?: 'response-too-large';
}

/** An input broke a rule of the spec (or of this client); nothing was sent. */
export class ProxyValidationError extends ProxyError {
  override name = 'ProxyValidationError';
  /** The parameter, named as in the spec (`ServiceSid`, `PageSize`) or as an option (`limit`). */
  declare parameter: string;
  /** The rule it broke: `required`, `type`, `pattern`, `minimum`, `maximum`, `minLength`, `maxLength`, `enum`, `unknown`, … */
  declare rule: string;
}

/** The request never got a complete response: DNS, refused or reset connection, truncated body. */
export class ProxyNetworkError extends ProxyError {
  override name = 'ProxyNetworkError';
}

/** An attempt took longer than `timeoutMs`. */
export class ProxyTimeoutError extends ProxyError {
  override name = 'ProxyTimeoutError';
  declare timeoutMs: number;
}

/** Paging was stopped because following the server's `next_page_url` was unsafe (other origin, or a loop). */
export class ProxyPaginationError extends ProxyError {
  override name = 'ProxyPaginationError';
  /** `origin` (the URL leaves baseUrl: its origin or its path) or `loop` (a URL came back). */
  declare reason: 'origin' | 'loop';
  declare url: string;
}
