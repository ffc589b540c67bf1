// The AsyncAPI document under the official parser (@asyncapi/parser): no error-level diagnostics.
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const path = process.argv[2] ?? "../../docs/api/asyncapi.json";
const { document, diagnostics } = await new Parser().parse(readFileSync(path, "utf8"));
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of errors) console.error(`${d.code}: ${d.message} at ${d.path.join("/")}`);
if (!document || errors.length) process.exit(1);
console.log(`asyncapi valid: ${document.messages().length} messages`);
