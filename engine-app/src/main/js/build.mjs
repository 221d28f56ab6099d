// Bundles the advisor's web modeler (src/main/js/modeler) into target/modeler: modeler.js and modeler.css,
// with the bpmnlint rules of .bpmnlintrc packed in, and the licences of every bundled package beside them
// (bpmn-js's licence asks for its notice and watermark to stay). Run by the Maven build (`npm run build`).
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { packConfig } = require('bpmnlint-pack-config');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.join(root, 'target', 'modeler');
const LINT_CONFIG = 'madoguchi:bpmnlint-config';

// `import lintConfig from 'madoguchi:bpmnlint-config'` is .bpmnlintrc with its rules resolved for the browser.
const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({ filter: /^madoguchi:bpmnlint-config$/ }, () => ({ path: LINT_CONFIG, namespace: 'bpmnlint' }));
    build.onLoad({ filter: /.*/, namespace: 'bpmnlint' }, async () => {
      const { code } = await packConfig(path.join(root, '.bpmnlintrc'), 'es');
      return { contents: code, loader: 'js', resolveDir: root, watchFiles: [path.join(root, '.bpmnlintrc')] };
    });
  }
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { modeler: 'src/main/js/modeler/index.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: out,
  legalComments: 'none',
  // bpmn-js's icon font is embedded in its CSS already; any other asset stays a file beside the bundle.
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  metafile: true,
  logLevel: 'warning',
  plugins: [bpmnlintConfig]
});

// The licences of the packages the bundle contains, in one text file served beside it.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) {
    packages.add(match[1]);
  }
}
// The lint rules are rolled into the packed config with their helpers, so the metafile does not list them.
packages.add('bpmnlint');
packages.add('bpmnlint-utils');
const notices = [];
for (const name of [...packages].sort()) {
  const dir = path.join(root, 'node_modules', name);
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  const licence = await firstExisting(dir, ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']);
  notices.push(`${name}@${manifest.version} (${manifest.license})\n\n${licence ?? 'see the package: ' + manifest.license}`);
}
await writeFile(path.join(out, 'THIRD-PARTY-LICENSES.txt'), notices.join('\n\n' + '-'.repeat(78) + '\n\n') + '\n');

for (const file of ['modeler.js', 'modeler.css']) {
  const { size } = await stat(path.join(out, file));
  console.log(`target/modeler/${file}: ${(size / 1024).toFixed(0)} KiB`);
}

async function firstExisting(dir, names) {
  for (const name of names) {
    try {
      return await readFile(path.join(dir, name), 'utf8');
    } catch {
      // try the next spelling
    }
  }
  return null;
}
