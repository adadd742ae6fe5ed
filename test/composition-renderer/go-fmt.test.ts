// The Go fmt emulation on the values a composition actually produces.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { GoInt, sprintf } from "../../composition-renderer";
import { marshalJSON } from "../../composition-renderer/go/json";
import { formatFloat } from "../../composition-renderer/go/strconv";

describe("go fmt: verbs against the types a patch sees", () => {
    it("formats an int64 with %d and %v, and refuses %s", () => {
        assert.equal(sprintf("%d", 50n), "50");
        assert.equal(sprintf("%v", 50n), "50");
        assert.equal(sprintf("%s", 5n), "%!s(int64=5)");
    });

    it("formats a float64 like Go: %v is shortest %g, %d is a bad verb", () => {
        assert.equal(sprintf("%v", 50), "50");
        assert.equal(sprintf("%v", 1e6), "1e+06");
        assert.equal(sprintf("%v", 123456), "123456");
        assert.equal(sprintf("%d", 50), "%!d(float64=50)");
        assert.equal(sprintf("%.2f", 3.14159), "3.14");
        assert.equal(sprintf("%x", 1), "0x1p+00");
    });

    it("writes the %!verb(type=value) forms for mismatched strings and bools", () => {
        assert.equal(sprintf("%d", "foo"), "%!d(string=foo)");
        assert.equal(sprintf("%t", "yes"), "%!t(string=yes)");
        assert.equal(sprintf("%s", true), "%!s(bool=true)");
        assert.equal(sprintf("%5d", "ab"), "%!d(string=   ab)");
    });

    it("reports missing and extra arguments", () => {
        assert.equal(sprintf("%s-%s", "a"), "a-%!s(MISSING)");
        assert.equal(sprintf("%s", "a", "b", 3n), "a%!(EXTRA string=b, int64=3)");
        assert.equal(sprintf("prefix", null), "prefix%!(EXTRA <nil>)");
        assert.equal(sprintf("%!"), "%!!(MISSING)");
    });

    it("prints nil, lists and maps the way fmt walks interface values", () => {
        assert.equal(sprintf("%s", null), "%!s(<nil>)");
        assert.equal(sprintf("%v", null), "<nil>");
        assert.equal(sprintf("%v", ["a", 1n, 2.5, null]), "[a 1 2.5 <nil>]");
        assert.equal(sprintf("%v", { b: 1n, a: "x" }), "map[a:x b:1]");
        assert.equal(sprintf("%d", ["a", 1n]), "[%!d(string=a) 1]");
        assert.equal(sprintf("%q", ["a", "b"]), '["a" "b"]');
        assert.equal(sprintf("%#v", { a: [1n, null] }), 'map[string]interface {}{"a":[]interface {}{1, interface {}(nil)}}');
    });

    it("quotes with %q and honours width, precision and flags", () => {
        assert.equal(sprintf("%q", 'say "hi"\n'), '"say \\"hi\\"\\n"');
        assert.equal(sprintf("%-6s|", "ab"), "ab    |");
        assert.equal(sprintf("%06.2f", -1.5), "-01.50");
        assert.equal(sprintf("%x", "hi"), "6869");
        assert.equal(sprintf("%+d", 5n), "+5");
        assert.equal(sprintf("%T %T %T", new GoInt(1n), 1n, 1), "int int64 float64");
    });

    it("uses explicit argument indexes", () => {
        assert.equal(sprintf("%[2]s-%[1]s", "a", "b"), "b-a");
        assert.equal(sprintf("%[3]s", "a"), "%!s(BADINDEX)");
    });

    it("rounds half to even on the exact binary value, as strconv does", () => {
        assert.equal(sprintf("%.0f", 2.5), "2");
        assert.equal(sprintf("%.0f", 3.5), "4");
        assert.equal(sprintf("%.2f", 0.125), "0.12");
        assert.equal(sprintf("%.1f", 0.05), "0.1");
    });
});

describe("go strconv and encoding/json number text", () => {
    it("FormatFloat(f, 'f', -1) gives the shortest round-trip decimal", () => {
        assert.equal(formatFloat(0.1, "f", -1), "0.1");
        assert.equal(formatFloat(1e21, "f", -1), "1000000000000000000000");
        assert.equal(formatFloat(-0, "f", -1), "-0");
    });

    it("json.Marshal switches to exponent form below 1e-6 and from 1e21", () => {
        assert.equal(marshalJSON(1e-7), "1e-7");
        assert.equal(marshalJSON(1e21), "1e+21");
        assert.equal(marshalJSON(123456789.5), "123456789.5");
        assert.equal(marshalJSON({ b: "<x>", a: 1n }), '{"a":1,"b":"\\u003cx\\u003e"}');
    });
});

describe("go fmt properties", () => {
    it("%s joins strings verbatim and %d prints any int64 in decimal", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), fc.bigInt(-(1n << 63n), (1n << 63n) - 1n), (a, b, n) => {
                assert.equal(sprintf("%s-%s", a, b), `${a}-${b}`);
                assert.equal(sprintf("%d", n), n.toString());
                assert.equal(sprintf("%v", n), n.toString());
            }),
        );
    });

    it("%v of a float64 parses back to the same float64", () => {
        fc.assert(
            fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (f) => {
                assert.equal(Number(sprintf("%v", f)), f);
            }),
        );
    });
});
