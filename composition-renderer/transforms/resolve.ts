// Resolve one transform and ResolveTransforms (the FIFO pipe).
import { GoError, wrap } from "../go/errors";
import { Value } from "../go/values";
import { Transform } from "../pt/input-types";
import { resolveConvert } from "./convert";
import { resolveMap } from "./map";
import { resolveMatch } from "./match";
import { resolveMath } from "./math";
import { resolveString } from "./string";

export function resolve(t: Transform, input: Value): Value {
    const missing = (): GoError => new GoError(`given transform type ${t.type} requires configuration`);
    let run: () => Value;
    switch (t.type) {
        case "math":
            if (!t.math) throw missing();
            run = () => resolveMath(t.math!, input);
            break;
        case "map":
            if (!t.map) throw missing();
            run = () => resolveMap(t.map!, input);
            break;
        case "match":
            if (!t.match) throw missing();
            run = () => resolveMatch(t.match!, input);
            break;
        case "string":
            if (!t.string) throw missing();
            run = () => resolveString(t.string!, input);
            break;
        case "convert":
            if (!t.convert) throw missing();
            run = () => resolveConvert(t.convert!, input);
            break;
        default:
            throw new GoError(`transform type ${t.type} is not supported`);
    }
    try {
        return run();
    } catch (e) {
        throw wrap(e, `${t.type} transform could not resolve`);
    }
}

export function resolveTransforms(ts: Transform[], input: Value): Value {
    let v = input;
    ts.forEach((t, i) => {
        try {
            v = resolve(t, v);
        } catch (e) {
            throw wrap(e, `transform at index ${i} returned error`);
        }
    });
    return v;
}
