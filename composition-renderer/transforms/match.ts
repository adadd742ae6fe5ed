// ResolveMatch: first matching pattern's result, else the fallback.
import { GoError, wrap } from "../go/errors";
import { structRoundTrip } from "../go/json";
import { GoRegexp } from "../go/regexp";
import { Value, goTypeName } from "../go/values";
import { MatchPattern, MatchTransform } from "../pt/input-types";

function matches(p: MatchPattern, input: Value): boolean {
    if (p.type === "literal") {
        if (p.literal === undefined) throw new GoError("literal is required by type literal");
        if (typeof input !== "string") throw new GoError(`unsupported input type '${goTypeName(input)}'`);
        return input === p.literal;
    }
    if (p.type === "regexp") {
        if (p.regexp === undefined) throw new GoError("regexp is required by type regexp");
        let re: GoRegexp;
        try {
            re = GoRegexp.compile(p.regexp);
        } catch (e) {
            throw wrap(e, "cannot compile regexp");
        }
        if (input === null) throw new GoError("unsupported input type 'null'");
        if (typeof input !== "string") throw new GoError(`unsupported input type '${goTypeName(input)}'`);
        return re.matchString(input);
    }
    throw new GoError(`unsupported pattern type '${p.type}'`);
}

/** extv1.JSON decoded into interface{}: empty stays nil. */
function decodeRaw(raw: Value | undefined): Value {
    return raw === undefined ? null : structRoundTrip(raw);
}

export function resolveMatch(t: MatchTransform, input: Value): Value {
    for (let i = 0; i < t.patterns.length; i++) {
        let hit: boolean;
        try {
            hit = matches(t.patterns[i], input);
        } catch (e) {
            throw wrap(e, `cannot match pattern at index ${i}`);
        }
        if (hit) return decodeRaw(t.patterns[i].result);
    }
    if (t.fallbackTo === "Input") {
        if (t.fallbackValue !== undefined) {
            throw new GoError("cannot set both a fallback value and the fallback to input flag");
        }
        return input;
    }
    return decodeRaw(t.fallbackValue);
}
