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
    size += value.length;
    if (size > max) return;
    chunks.push(value);
  }
  if (chunks.length < 2) return utf8.decode(chunks[0]);
  // Decoded chunk by chunk (a streaming decoder keeps a split UTF-8 sequence whole): no joined copy of the body.
  const decoder = new TextDecoder();
  let text = '';
  for (const c of chunks) text += decoder.decode(c, { stream: true });
  return text + decoder.decode();
}
