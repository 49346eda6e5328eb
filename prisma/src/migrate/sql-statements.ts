/**
 * Splits a SQL script into statements for display: on `;` outside quotes, dollar-quoted bodies and
 * comments. Never used to run anything (scripts run whole, as one query), only to say what they do.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const rest = script.slice(i);
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (rest.startsWith('--')) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
      current += '\n';
    } else if (rest.startsWith('/*')) {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
      current += ' ';
    } else if (dollar) {
      const end = script.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? script.length : end + dollar[0].length;
      current += script.slice(i, stop);
      i = stop;
    } else if (rest[0] === "'" || rest[0] === '"') {
      let end = i + 1;
      while (end < script.length && !(script[end] === rest[0] && script[end + 1] !== rest[0])) {
        end += script[end] === rest[0] ? 2 : 1;
      }
      current += script.slice(i, end + 1);
      i = end + 1;
    } else if (rest[0] === ';') {
      statements.push(current);
      current = '';
      i += 1;
    } else {
      current += rest[0];
      i += 1;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
