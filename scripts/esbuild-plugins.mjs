// esbuild plugins for Rapport's bundles.
//
// `withoutEvaluators` keeps code that can evaluate text out of the bundles, so a
// check on them (test/unit/bundle.test.ts) can assert there is none:
//   - gray-matter's default engines (lib/engines.js): its `javascript` engine
//     calls `eval`, and its `yaml` engine is the only reason gray-matter
//     requires js-yaml. Rapport gives gray-matter an engine for every language
//     (src/core/frontmatter.ts), so the defaults are never called; the stub
//     puts refusals in their place, should that ever change.
//   - js-yaml, whose `!!js/function` type builds functions with `new Function`.
//     Rapport reads YAML with the `yaml` package; a require of js-yaml from
//     anywhere gets a module that throws when used.
// The build fails if gray-matter's engines are not where the stub expects
// them (a new gray-matter), rather than silently bundling them again.

const ENGINES = /[\\/]gray-matter[\\/]lib[\\/]engines\.js$/;

const ENGINES_STUB = `'use strict';
// Stubbed out of Rapport's bundle by scripts/esbuild-plugins.mjs.
const refuse = (name) => ({
  parse() { throw new Error('gray-matter\\'s default ' + name + ' engine is not in Rapport'); },
  stringify() { throw new Error('gray-matter\\'s default ' + name + ' engine is not in Rapport'); },
});
module.exports = { yaml: refuse('yaml'), json: refuse('json'), javascript: refuse('javascript') };
`;

const JS_YAML_STUB = `'use strict';
// Stubbed out of Rapport's bundle by scripts/esbuild-plugins.mjs: Rapport reads YAML with the \`yaml\` package.
const refuse = () => { throw new Error('js-yaml is not in Rapport'); };
module.exports = { load: refuse, safeLoad: refuse, loadAll: refuse, safeLoadAll: refuse, dump: refuse, safeDump: refuse };
`;

export function withoutEvaluators() {
  return {
    name: 'rapport-without-evaluators',
    setup(build) {
      let grayMatter = false;
      let enginesStubbed = false;
      build.onStart(() => {
        grayMatter = false;
        enginesStubbed = false;
      });
      build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'rapport-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'rapport-stub' }, () => ({ contents: JS_YAML_STUB, loader: 'js' }));
      build.onLoad({ filter: ENGINES }, () => {
        enginesStubbed = true;
        return { contents: ENGINES_STUB, loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]gray-matter[\\/]index\.js$/ }, () => {
        grayMatter = true;
        return undefined;
      });
      build.onEnd((result) => {
        if (grayMatter && !enginesStubbed && result.errors.length === 0) {
          result.errors.push({
            text: 'gray-matter is bundled but lib/engines.js was not stubbed: see scripts/esbuild-plugins.mjs',
            location: null,
            notes: [],
            detail: undefined,
            id: '',
            pluginName: 'rapport-without-evaluators',
          });
        }
      });
    },
  };
}
