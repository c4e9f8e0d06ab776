// Checks every schema in schema/v1 against the JSON Schema 2020-12
// meta-schema with ajv, an independent validator, and checks each schema's
// valid and invalid examples in schema/testdata. Run by schema/testdata/ajv/run.sh.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const root = process.argv[2];
const dir = path.join(root, "schema", "v1");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
let failed = 0;
const index = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8"));
for (const d of index) {
  const s = JSON.parse(fs.readFileSync(path.join(dir, d.name + ".json"), "utf8"));
  if (!ajv.validateSchema(s)) {
    console.log(`${d.name}: not a valid 2020-12 schema: ${ajv.errorsText(ajv.errors)}`);
    failed++;
    continue;
  }
  ajv.addSchema(s);
}
for (const d of index) {
  const validate = ajv.getSchema(d.$id);
  if (!validate) continue;
  for (const [kind, want] of [["valid", true], ["invalid", false]]) {
    const f = path.join(root, "schema", "testdata", kind, d.name + ".json");
    const doc = JSON.parse(fs.readFileSync(f, "utf8"));
    const got = validate(doc);
    if (got !== want) {
      console.log(`${d.name}: ${kind} example ${got ? "passes" : "fails"} under ajv${got ? "" : ": " + ajv.errorsText(validate.errors)}`);
      failed++;
    }
  }
}
console.log(`ajv: ${index.length} schemas, ${failed} problems`);
process.exit(failed ? 1 : 0);
