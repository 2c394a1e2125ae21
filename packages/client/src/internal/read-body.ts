const utf8 = new TextDecoder();
/**
 * Where a body of several chunks is joined before decoding: reused (up to 4 MiB), so pages do not each take a
 * fresh block of native memory, which lets the process's RSS creep up with the number of pages.
 */
let scratch = new Uint8Array(0);

/**
 * A response body as text, read from its stream and counted: `undefined` as soon as it passes `max` bytes
 * (or declares more in `content-length`), so a huge or endless body never sits in memory. The caller aborts.
 */
export async function readBody(res: Response, max: number): Promise<string | undefined> {
  if (+res.headers.get('content-length')! > max) return;
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) return;
    chunks.push(value);
  }
  if (chunks.length < 2) return chunks[0] ? utf8.decode(chunks[0]) : '';
  // Joined and decoded in one synchronous step, so concurrent requests can share the scratch buffer.
  if (size > scratch.length && size <= 4 << 20) scratch = new Uint8Array(size * 1.25);
  const into = size <= scratch.length ? scratch : new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    into.set(c, at);
    at += c.length;
  }
  return utf8.decode(into.subarray(0, size));
}
