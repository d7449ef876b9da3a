import { describe, expect, it } from "vitest";
import { parsePrometheus, sampleValue } from "../support/prometheus";

describe("the test's Prometheus text parser", () => {
  it("reads families, labels (with escapes) and histogram series", () => {
    const m = parsePrometheus(
      [
        "# HELP a_total Things.",
        "# TYPE a_total counter",
        'a_total{kind="x",path="/a\\"b\\\\c"} 3',
        "# TYPE h histogram",
        'h_bucket{le="0.1"} 1',
        'h_bucket{le="+Inf"} 2',
        "h_sum 0.3",
        "h_count 2",
        "",
      ].join("\n"),
    );
    expect(m.get("a_total")).toMatchObject({ type: "counter", help: "Things." });
    expect(m.get("a_total")!.samples[0]!.labels).toEqual({ kind: "x", path: '/a"b\\c' });
    expect(sampleValue(m, "h_count")).toBe(2);
    expect(sampleValue(m, "missing")).toBe(0);
  });

  it("refuses malformed text", () => {
    for (const bad of [
      "a_total 3", // undeclared
      "# TYPE a counter\na{x=1} 3", // unquoted label
      "# TYPE a counter\na 3 4 5", // junk
      "# TYPE a counter\na abc", // not a number
      "# TYPE a bogus", // bad type
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_count 2', // no +Inf
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1', // not cumulative
      '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 3', // count mismatch
    ]) {
      expect(() => parsePrometheus(bad), bad).toThrow();
    }
  });
});
