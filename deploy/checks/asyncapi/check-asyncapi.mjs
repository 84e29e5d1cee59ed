// Validates docs/asyncapi.yaml with the AsyncAPI parser and checks that it documents every topic of the event
// contract. Run by deploy/checks/run.sh with CONTRACT_TOPICS (the "<topic> <policy>" lines of event-contract's Topics).
import { Parser } from "@asyncapi/parser";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const ENTITIES = ["property", "unit", "resident", "lease", "workorder", "vendor", "lead", "charge"];
// internal to connector-service, deliberately not part of the downstream contract
const INTERNAL = new Set(["pms.connector.inbox.v1"]);
const parser = new Parser();

async function errors(text) {
  const { document, diagnostics } = await parser.parse(text);
  const problems = diagnostics.filter(d => d.severity === 0).map(d => `${d.path.join(".")}: ${d.message}`);
  return { document, problems: document ? problems : ["not an AsyncAPI document", ...problems] };
}

const failures = [];
const { document, problems } = await errors(readFileSync(join(root, "docs/asyncapi.yaml"), "utf8"));
failures.push(...problems);
if (document) {
  const addresses = new Set(document.channels().all().flatMap(c => {
    const address = c.address();
    return address.includes("{entity}") ? ENTITIES.map(e => address.replace("{entity}", e)) : [address];
  }));
  const topics = readFileSync(process.env.CONTRACT_TOPICS, "utf8").trim().split("\n").map(l => l.split(/\s+/)[0]);
  for (const topic of topics) {
    if (!INTERNAL.has(topic) && !addresses.has(topic)) failures.push(`topic ${topic} is not documented`);
  }
}
// the parser must be able to fail
if ((await errors("asyncapi: 3.0.0\ninfo: {}\nchannels: 7\n")).problems.length === 0) {
  failures.push("the parser accepted a broken document");
}
if (failures.length) {
  console.log(`FAIL docs/asyncapi.yaml:\n  - ${failures.join("\n  - ")}`);
  process.exit(1);
}
console.log("ok   docs/asyncapi.yaml is valid AsyncAPI and documents every contract topic");
