// Lints BPMN files with bpmnlint as the web modeler does (the rules of the given .bpmnlintrc) and prints the
// findings as JSON: { "<file>": [ { "rule", "id", "category" } ] }. Used by ServerLintAgreesWithModelerLintTest.
// Usage: node bpmnlint-json.cjs CONFIG FILE...
const { readFileSync } = require('node:fs');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function main([configFile, ...files]) {
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const moddle = new BpmnModdle();
  const findings = {};
  for (const file of files) {
    const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
    // A new linter per file, as the modeler makes one per run: bpmnlint caches rules, and some keep state.
    const linter = new Linter({ config, resolver: new NodeResolver() });
    const results = await linter.lint(rootElement);
    findings[file] = Object.entries(results).flatMap(([rule, reports]) =>
      reports.map((report) => ({ rule, id: report.id, category: report.category })));
  }
  process.stdout.write(JSON.stringify(findings));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
