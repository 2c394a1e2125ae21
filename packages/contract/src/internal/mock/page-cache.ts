import type { Answer } from './answer.js';

/** Bounded: identical list requests until the items change; past the bound it starts over rather than evict. */
const PAGE_CACHE_LIMIT = 2000;

/** Encoded list pages by path + query, so identical requests cost a lookup until the store changes. */
export function createPageCache() {
  const pages = new Map<string, Answer>();
  return {
    get: (key: string) => pages.get(key),
    set(key: string, page: Answer) {
      if (pages.size >= PAGE_CACHE_LIMIT) pages.clear();
      pages.set(key, page);
    },
    clear: () => pages.clear(),
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
