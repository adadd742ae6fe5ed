import { assertErrors, assertValid } from "./helpers";
import { widget, widgetRegistry } from "./synthetic";

/** Each expression must evaluate to true on spec {s: "abc@def", l: [3, 1, 2], m: {a: "x"}}. */
const truths = [
    "self.s.find('^[^@]+') == 'abc'",
    "self.s.find('z') == ''",
    "self.s.findAll('[a-c]') == ['a', 'b', 'c']",
    "self.s.findAll('[a-f]', 2) == ['a', 'b']",
    "self.s.charAt(1) == 'b' && self.s.charAt(7) == ''",
    "self.s.replace('c', 'C') == 'abC@def'",
    "'aaa'.replace('a', 'b', 2) == 'bba'",
    "self.s.reverse() == 'fed@cba'",
    "self.s.lowerAscii() == self.s && 'AbC'.upperAscii() == 'ABC'",
    "self.s.split('@')[0] == 'abc' && self.s.split('@', 1) == ['abc@def']",
    "!self.l.isSorted() && [1, 2, 2].isSorted()",
    "self.l.sum() == 6 && self.l.min() == 1 && self.l.max() == 3",
    "self.l.indexOf(2) == 2 && [1, 2, 1].lastIndexOf(1) == 2",
    "sets.contains(self.l, [1, 2]) && !sets.contains(self.l, [4])",
    "sets.equivalent(self.l, [1, 2, 3]) && sets.intersects(self.l, [9, 3])",
    "self.m.all(k, k != '' && self.m[k] != '')",
    "self.?missing.orValue('d') == 'd'",
    "duration('60s') >= duration('1s')",
    "[has(self.s), has(self.nope)].filter(x, x == true).size() <= 1",
];

describe("manifest-validator: Kubernetes CEL library on cel-js", () => {
    const reg = widgetRegistry({
        type: "object",
        properties: {
            s: { type: "string" },
            l: { type: "array", items: { type: "integer" } },
            m: { type: "object", additionalProperties: { type: "string" } },
        },
        "x-kubernetes-validations": truths.map((rule, i) => ({ rule, message: `truth ${i} failed` })),
    });

    it("every library expression holds", () => {
        assertValid(reg, widget({ s: "abc@def", l: [3n, 1n, 2n], m: { a: "x" } }));
    });

    it("and they can fail", () => {
        assertErrors(reg, widget({ s: "xyz", l: [1n], m: { a: "" } }), [
            "spec: truth 0 failed",
            "spec: truth 1 failed",
            "spec: truth 2 failed",
            "spec: truth 3 failed",
            "spec: truth 4 failed",
            "spec: truth 5 failed",
            "spec: truth 7 failed",
            "spec: truth 9 failed",
            "spec: truth 10 failed",
            "spec: truth 11 failed",
            "spec: truth 12 failed",
            "spec: truth 13 failed",
            "spec: truth 14 failed",
            "spec: truth 15 failed",
        ]);
    });
});
