// Bundles the web UI's scripts, each with the licences of every package it contains beside it (bpmn-js's and
// form-js's licences ask for their notice and watermark to stay). Run by the Maven build (`npm run build`):
// - target/modeler: the advisor's web modeler (src/main/js/modeler), with the bpmnlint rules of .bpmnlintrc packed in;
// - target/task-form: a department task's application form (src/main/js/task-form), form-js's viewer.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { packConfig } = require('bpmnlint-pack-config');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
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

await bundle({
  name: 'modeler',
  entry: 'src/main/js/modeler/index.js',
  plugins: [bpmnlintConfig],
  // The lint rules are rolled into the packed config with their helpers, so the metafile does not list them.
  alsoContains: ['bpmnlint', 'bpmnlint-utils']
});
await bundle({ name: 'task-form', entry: 'src/main/js/task-form/index.js' });

/** Bundles `entry` into target/<name>/<name>.js and .css, with THIRD-PARTY-LICENSES.txt beside them. */
async function bundle({ name, entry, plugins = [], alsoContains = [] }) {
  const out = path.join(root, 'target', name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
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
    plugins
  });

  // The licences of the packages the bundle contains, in one text file served beside it: each package folder,
  // a version nested in another package's node_modules included.
  const folders = new Set(alsoContains.map((packageName) => path.join('node_modules', packageName)));
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
    if (match) {
      folders.add(match[1]);
    }
  }
  const notices = new Set();
  for (const folder of folders) {
    const dir = path.join(root, folder);
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const licence = await firstExisting(dir, ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']);
    notices.add(`${manifest.name}@${manifest.version} (${manifest.license})\n\n${licence ?? 'see the package: ' + manifest.license}`);
  }
  // The same version installed in two places is one notice.
  await writeFile(path.join(out, 'THIRD-PARTY-LICENSES.txt'), [...notices].sort().join('\n\n' + '-'.repeat(78) + '\n\n') + '\n');

  for (const file of [`${name}.js`, `${name}.css`]) {
    const { size } = await stat(path.join(out, file));
    console.log(`target/${name}/${file}: ${(size / 1024).toFixed(0)} KiB`);
  }
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
