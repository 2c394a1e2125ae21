/** Replaces every occurrence of each secret in `text`: a last guard so no token reaches the terminal. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
