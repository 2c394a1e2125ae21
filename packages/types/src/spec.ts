/**
 * The walker's old entry point, kept so existing imports still resolve.
 *
 * @deprecated Import from `@twilio-proxy/types/walker`; `./spec` goes in the next major.
 */
export * from './walker/index.js';
