/**
 * One CSV line (RFC 4180 quoting, no line breaks inside a field) as its cells, or null when its
 * quotes do not close. An empty cell is undefined, so optional fields may be left blank.
 */
export function csvCells(line: string): (string | undefined)[] | null {
  const cells: (string | undefined)[] = [];
  let at = 0;
  for (;;) {
    let cell = "";
    if (line[at] === '"') {
      at++;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote < 0) return null;
        cell += line.slice(at, quote);
        at = quote + 1;
        if (line[at] !== '"') break;
        cell += '"';
        at++;
      }
      if (at < line.length && line[at] !== ",") return null;
    } else {
      const comma = line.indexOf(",", at);
      cell = line.slice(at, comma < 0 ? line.length : comma);
      at = comma < 0 ? line.length : comma;
    }
    cells.push(cell === "" ? undefined : cell);
    if (at >= line.length) return cells;
    at++; // the comma
  }
}
