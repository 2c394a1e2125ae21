const utf8 = new TextDecoder();

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
    if ((size += value.length) > max) return;
    chunks.push(value);
  }
  // One chunk (a small page) is decoded as it is; more are joined once.
  let bytes = chunks[0];
  if (chunks.length > 1) {
    bytes = new Uint8Array(size);
    size = 0;
    for (const c of chunks) bytes.set(c, (size += c.length) - c.length);
  }
  return bytes ? utf8.decode(bytes) : '';
}
