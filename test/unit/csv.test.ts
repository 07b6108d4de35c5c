import { describe, expect, it } from "vitest";
import { DataError, formatCsv, parseCsv, parseNumberField, splitCsvRecords } from "../../src/data/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and numbers lines from 1", () => {
    const t = parseCsv('id,quote\na,"x, ""y""\nz"\nb,w\n', "t.csv", ["id", "quote"]);
    expect(t.rows).toEqual([
      { line: 2, values: { id: "a", quote: 'x, "y"\nz' } },
      // the record after a two-line field starts on line 4
      { line: 4, values: { id: "b", quote: "w" } },
    ]);
  });

  it("accepts CRLF line ends as LF", () => {
    expect(parseCsv("id,v\r\na,1\r\n", "t.csv").rows).toEqual([{ line: 2, values: { id: "a", v: "1" } }]);
  });

  it("accepts a leading byte-order mark (Excel's \"CSV UTF-8\") and reads the file as without it", () => {
    const plain = "id,v\na,1\n";
    expect(parseCsv("\uFEFF" + plain, "t.csv")).toEqual(parseCsv(plain, "t.csv"));
    // with CRLF line ends too, as Excel writes them
    expect(parseCsv("\uFEFFid,v\r\na,1\r\n", "t.csv").rows).toEqual([{ line: 2, values: { id: "a", v: "1" } }]);
    expect(parseCsv("\uFEFFid,v\r\na,1\r\n", "t.csv").header).toEqual(["id", "v"]);
  });

  it("a byte-order mark alone is an empty file", () => {
    expect(() => parseCsv("\uFEFF", "t.csv")).toThrow(/^t\.csv: is empty/);
  });

  it("numbers records by the line they start on, also after a CRLF inside a quoted field", () => {
    // line 1 id; line 2 "a + line 3 b"; line 4 blank; line 5 c
    const t = parseCsv('id\r\n"a\r\nb"\r\n\r\nc\r\n', "t.csv");
    expect(t.rows).toEqual([
      { line: 2, values: { id: "a\nb" } },
      { line: 5, values: { id: "c" } },
    ]);
  });

  it("reads a file whose line ends are mixed (LF and CRLF) like its LF original", () => {
    expect(parseCsv('id,v\r\n"x",1\nb,2\r\n', "t.csv")).toEqual(parseCsv('id,v\n"x",1\nb,2\n', "t.csv"));
  });

  it("keeps a lone CR inside a field (only LF and CRLF end a record)", () => {
    expect(parseCsv("id\na\rb\n", "t.csv").rows).toEqual([{ line: 2, values: { id: "a\rb" } }]);
  });

  it("names the line where the bad record starts, after multi-line records", () => {
    // line 2-3 hold one record; the stray quote is in the record of line 4
    expect(() => parseCsv('id\n"x\ny"\nab"c\n', "t.csv")).toThrow(/^t\.csv:4: has a quote inside an unquoted field$/);
    expect(() => parseCsv('id\na\n\n"open\nmore\n', "t.csv")).toThrow(/^t\.csv:4: has a quoted field that never ends$/);
    expect(() => parseCsv('id\n"a"bc\n', "t.csv")).toThrow(/^t\.csv:2: has text after a closing quote: "b"$/);
  });

  it("skips blank lines but keeps counting them", () => {
    expect(parseCsv("id\n\na\n", "t.csv").rows).toEqual([{ line: 3, values: { id: "a" } }]);
  });

  it.each([
    ["", /^t\.csv: is empty/],
    ["id,id\n", /^t\.csv:1: id appears twice in the header/],
    ["id,v\na\n", /^t\.csv:2: has 1 fields, expected 2/],
    ["id,v\na,1,2\n", /^t\.csv:2: has 3 fields, expected 2/],
    ['id\n"open\n', /^t\.csv:2: has a quoted field that never ends/],
    ['id\nab"c\n', /^t\.csv:2: has a quote inside an unquoted field/],
    ['id\n"a"b\n', /^t\.csv:2: has text after a closing quote/],
  ])("rejects %j with a message naming file and line", (text, pattern) => {
    expect(() => parseCsv(text, "t.csv")).toThrow(pattern);
  });

  it("names a required column that the header lacks", () => {
    expect(() => parseCsv("id\nx\n", "data/claims.csv", ["id", "low"])).toThrow(/^data\/claims\.csv:1: low is missing from the header/);
  });

  it("formatCsv writes without a byte-order mark and with LF line ends, also after reading a file that had both", () => {
    const read = parseCsv("\uFEFFa,b\r\nx,\"y\r\nz\"\r\n", "t.csv");
    const text = formatCsv(read.header, read.rows.map((r) => r.values));
    expect(text).toBe('a,b\nx,"y\nz"\n');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("round-trips through formatCsv", () => {
    const rows = [{ a: 'q"1', b: "x,y" }, { a: "", b: "line\nbreak" }];
    const t = parseCsv(formatCsv(["a", "b"], rows), "t.csv");
    expect(t.rows.map((r) => r.values)).toEqual(rows);
  });

  it("splitCsvRecords keeps a trailing record without a final newline", () => {
    expect(splitCsvRecords("a\nb", "t.csv").map((r) => r.fields)).toEqual([["a"], ["b"]]);
  });
});

describe("parseNumberField", () => {
  it.each([
    ["6O,000", /^data\/claims\.csv:17: low "6O,000" is not a number$/],
    ["$126", /"\$126" is not a number/],
    ["52%", /"52%" is not a number/],
    ["1,000", /"1,000" is not a number/],
    [" 5", /" 5" is not a number/],
    ["NaN", /"NaN" is not a number/],
    ["Infinity", /"Infinity" is not a number/],
  ])("rejects %j with the file:line: field template", (value, pattern) => {
    expect(() => parseNumberField(value, "data/claims.csv", 17, "low")).toThrow(pattern);
  });

  it("throws a DataError carrying file, line and field", () => {
    try {
      parseNumberField("x", "f.csv", 3, "high");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect(e).toMatchObject({ file: "f.csv", line: 3, field: "high" });
    }
  });

  it.each([
    ["-52", -52],
    ["0.73", 0.73],
    ["126000", 126000],
    ["1e3", 1000],
    [".5", 0.5],
  ])("reads %j as %d", (value, expected) => {
    expect(parseNumberField(value, "f.csv", 1, "low")).toBe(expected);
  });

  it("an empty field is null only when optional", () => {
    expect(parseNumberField("", "f.csv", 1, "high", true)).toBeNull();
    expect(() => parseNumberField("", "f.csv", 1, "high")).toThrow(/^f\.csv:1: high is empty/);
  });
});
