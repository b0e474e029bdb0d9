/** `// src/a.ts:17:3 - (ae-undocumented) …`: api-extractor's warning line, with the source position to drop. */
const warningWithPosition = /^(\/\/ \S+?):\d+:\d+( - \(ae-[\w-]+\) .*)$/;

/**
 * An api-extractor report without what a pure reformat changes: the line and column of each
 * warning api-extractor appends (`// src/a.ts:17:3 - (ae-undocumented) …` becomes
 * `// src/a.ts - (ae-undocumented) …`), with those warnings sorted. The declarations are left as
 * they are, so any change to the public API still changes the report.
 */
export function normaliseReport(report: string): string {
  const lines = report.split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length;) {
    if (!warningWithPosition.test(lines[index] ?? '')) {
      out.push(lines[index] ?? '');
      index += 1;
      continue;
    }
    const block: string[] = [];
    for (; index < lines.length && warningWithPosition.test(lines[index] ?? ''); index += 1) {
      block.push((lines[index] ?? '').replace(warningWithPosition, '$1$2'));
    }
    out.push(...block.sort());
  }
  return out.join('\n');
}
