// TypeScript 7 (the native compiler, the root's `typescript`) checks and builds. The tools that drive the
// compiler's JS API, which 7 does not offer yet, get TypeScript 5.9 side by side as their own dependency
// instead of the root's as a peer: openapi-typescript needs ^5 (openapi-ts/openapi-typescript#2841) and
// TypeDoc ^5 || 6. API Extractor ships its own compiler.
const SIDE_BY_SIDE = { 'openapi-typescript': '5.9.3', typedoc: '5.9.3' };

module.exports = {
  hooks: {
    readPackage(pkg) {
      const version = SIDE_BY_SIDE[pkg.name];
      if (version && pkg.peerDependencies?.typescript) {
        delete pkg.peerDependencies.typescript;
        pkg.dependencies = { ...pkg.dependencies, typescript: version };
      }
      return pkg;
    },
  },
};
