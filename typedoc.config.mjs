// `pnpm run docs` (turbo task //#docs:api): one API reference of the publishable packages, from their TSDoc,
// written to dist/api/index.html. Each package's typedoc.json names its entry points (the `exports` of its
// package.json, checked by `pnpm lint:package`). Any warning fails the build.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Twilio Proxy Sessions: API reference',
  entryPointStrategy: 'packages',
  entryPoints: ['packages/types', 'packages/client', 'packages/contract', 'packages/cli'],
  packageOptions: {
    tsconfig: 'tsconfig.json',
    excludeInternal: true,
    excludePrivate: true,
    // No "source" links: they need a git remote TypeDoc can map to a web host, which a clone without one
    // (or with a local-path remote) lacks, and every warning fails the build. The reference is read offline.
    disableSources: true,
    // openapi-typescript writes the spec's descriptions as @description in the generated types.
    blockTags: [...OptionDefaults.blockTags, '@description'],
  },
  // The package READMEs open with the consumer's `.npmrc` lines, an `ini` block.
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'ini'],
  out: 'dist/api',
  readme: 'none',
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: false,
    unusedMergeModuleWith: true,
  },
};
