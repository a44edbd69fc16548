// validate.mjs FILE.md...
//
// Parses every ```mermaid block of the Markdown files with the real
// Mermaid parser (mermaid.parse), as GitHub's renderer would, and fails
// when one does not parse or a file has no block at all. Mermaid needs a
// DOM even to parse; jsdom provides one.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let status = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length === 0) {
    console.error(`validate-mermaid: ${file}: no mermaid block`);
    status = 1;
    continue;
  }
  for (const [i, block] of blocks.entries()) {
    try {
      const { diagramType } = await mermaid.parse(block);
      console.log(`validate-mermaid: ${file}: block ${i + 1}: ok (${diagramType}, ${block.split('\n').length - 1} lines)`);
    } catch (e) {
      console.error(`validate-mermaid: ${file}: block ${i + 1}: ${e.message ?? e}`);
      status = 1;
    }
  }
}
process.exit(status);
