// Copies the ready-made browser bundles of the installed npm packages into the jar's static folder.
// No bundler: camunda-bpmn-js ships UMD distributions under dist/, htmx.org a minified build.
// Usage: node copy-assets.mjs <target/classes/static/vendor>
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node copy-assets.mjs <output directory>');
  process.exit(2);
}

const copies = [
  // package, files or folders inside it, target folder under <out>
  ['camunda-bpmn-js', [
    'dist/camunda-cloud-modeler.production.min.js',
    'dist/camunda-cloud-navigated-viewer.production.min.js',
    'dist/assets',
    'LICENSE'
  ], 'camunda-bpmn-js'],
  ['htmx.org', ['dist/htmx.min.js', 'LICENSE'], 'htmx']
];

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [pkg, files, target] of copies) {
  const root = join('node_modules', pkg);
  versions[pkg] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  for (const file of files) {
    const to = join(out, target, file.replace(/^dist\//, ''));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(root, file), to, { recursive: true });
  }
}
writeFileSync(join(out, 'versions.json'), JSON.stringify(versions, null, 2) + '\n');
console.log('copied browser assets:', Object.entries(versions).map(([p, v]) => `${p}@${v}`).join(', '));
