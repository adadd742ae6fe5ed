// RE2 syntax and semantics as the match and Regexp transforms see them.
import { strict as assert } from "node:assert";
import { GoRegexp } from "../../composition-renderer/go/regexp";

const find = (re: string, s: string): string[] | null => GoRegexp.compile(re).findStringSubmatch(s);
const matches = (re: string, s: string): boolean => GoRegexp.compile(re).matchString(s);

describe("go regexp", () => {
    it("supports named groups in both spellings and leftmost-first matching", () => {
        assert.deepEqual(find("^(?P<region>[a-z]+)-(?<az>[0-9])$", "eu-1"), ["eu-1", "eu", "1"]);
        assert.deepEqual(find("a|ab", "ab"), ["a"]);
        assert.deepEqual(find("(a)?b", "b"), ["b", ""], "a group that did not take part is empty");
    });

    it("keeps Go's meaning of ., $, \\s and the flags", () => {
        assert.equal(matches("^a.b$", "a\rb"), true, ". matches \\r");
        assert.equal(matches("^a.b$", "a\nb"), false);
        assert.equal(matches("(?s)^a.b$", "a\nb"), true);
        assert.equal(matches("^ab$", "ab\n"), false, "$ is end of text");
        assert.equal(matches("(?m)^b$", "a\nb\nc"), true);
        assert.equal(matches("^\\s$", "\v"), false, "\\s has no \\v in Go");
        assert.equal(matches("(?i)dev", "DEV"), true);
        assert.equal(matches("(?i:d)ev", "DEV"), false);
        assert.equal(matches("\\Ax\\z", "x"), true);
        assert.equal(matches("[[:upper:]]+", "ABC"), true);
        assert.equal(matches("^\\pL+$", "Grüße"), true);
        assert.equal(matches("^\\Q1.5\\E$", "1x5"), false);
        assert.deepEqual(find("a+?", "aaa"), ["a"]);
        assert.deepEqual(find("(?U)a+", "aaa"), ["a"]);
    });

    it("rejects what RE2 rejects, with Go's messages", () => {
        const err = (re: string): string => {
            try {
                GoRegexp.compile(re);
                return "compiled";
            } catch (e) {
                return (e as Error).message;
            }
        };
        assert.equal(err("(?=x)"), "error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
        assert.equal(err("(a)\\1"), "error parsing regexp: invalid escape sequence: `\\1`");
        assert.equal(err("a**"), "error parsing regexp: invalid nested repetition operator: `**`");
        assert.equal(err("x{1001}"), "error parsing regexp: invalid repeat count: `{1001}`");
        assert.equal(err("[z-a]"), "error parsing regexp: invalid character class range: `z-a`");
        assert.equal(err("(a"), "error parsing regexp: missing closing ): `(a`");
        assert.equal(err("a)"), "error parsing regexp: unexpected ): `a)`");
        assert.equal(err("a\\"), "error parsing regexp: trailing backslash at end of expression: ``");
        assert.equal(err("[[:foo:]]"), "error parsing regexp: invalid character class range: `[:foo:]`");
        assert.equal(err("x{2,}"), "compiled");
        assert.equal(err("x{,2}"), "compiled", "not a repeat: literal braces");
    });
});
