import { strict as assert } from "assert";
import { CEL_EXTENSIONS } from "../../admission-evaluator";
import { compileOne, configMap, errorOf, judge } from "./helpers";

const object = configMap("cm", { app: "claims" }, { items: [3, 1, 2], ratios: [0.5, 1.5], sizes: ["1Gi", "512Mi"], name: "Claims-DB" });

/** Status of a one-validation policy on a ConfigMap with some data. */
function status(expression: string): string {
    return judge(compileOne({ validations: [{ expression }] }), { object }).status;
}

function holds(expression: string): void {
    assert.equal(status(expression), "pass", expression);
}

function errors(expression: string): void {
    assert.equal(status(expression), "error", expression);
}

function rejected(expression: string): void {
    errorOf(() => compileOne({ validations: [{ expression }] }));
}

describe("admission-evaluator: CEL libraries", () => {
    describe("built into cel-js (relied on, not added)", () => {
        it("optional syntax: .?, [?k], orValue, hasValue, optional.of/none", () => {
            holds("object.?spec.?replicas.orValue(3) == 3");
            holds("object.metadata.labels[?'app'].orValue('') == 'claims'");
            holds("!object.metadata.labels[?'missing'].hasValue()");
            holds("optional.of(1).hasValue() && !optional.none().hasValue()");
        });
        it("has() and the macros all, exists, exists_one, map, filter", () => {
            holds("has(object.metadata.labels) && !has(object.spec)");
            holds("object.data.items.all(i, i > 0) && object.data.items.exists(i, i == 2) && object.data.items.exists_one(i, i == 3)");
            holds("object.data.items.map(i, i * 2) == [6, 2, 4] && object.data.items.filter(i, i > 1).size() == 2");
        });
        it("strings: lowerAscii, upperAscii, split, join, startsWith, endsWith, matches, contains, trim, substring", () => {
            holds("object.data.name.lowerAscii() == 'claims-db' && object.data.name.upperAscii() == 'CLAIMS-DB'");
            holds("'a,b,c'.split(',') == ['a', 'b', 'c'] && ['a', 'b'].join('-') == 'a-b'");
            holds("object.data.name.startsWith('Claims') && object.data.name.endsWith('-DB') && object.data.name.matches('^[A-Za-z-]+$')");
            holds("' x '.trim() == 'x' && 'claims'.substring(1, 3) == 'la' && 'claims'.contains('aim')");
        });
        it("cel.bind", () => {
            holds("cel.bind(n, object.data.items.size(), n == 3)");
        });
    });

    describe("strings extension (added)", () => {
        it("replace(old, new) and replace(old, new, n)", () => {
            holds("'a-b-c'.replace('-', '_') == 'a_b_c'");
            holds("'a-b-c'.replace('-', '_', 1) == 'a_b-c'");
            holds("'aaa'.replace('a', 'aa') == 'aaaaaa'");
        });
        it("format with %s, %d, %f, %.Nf, %x and %%", () => {
            holds("'%s has %d items'.format([dyn('list'), dyn(3)]) == 'list has 3 items'");
            holds("'%.2f%%'.format([12.345]) == '12.35%' && '%f'.format([1.5]) == '1.500000'");
            holds("'%x/%X'.format([255, 255]) == 'ff/FF'");
            holds("'%s'.format([[1, 2]]) == '[1, 2]'");
        });
        it("format errors on a missing argument or a wrong type", () => {
            errors("'%s %s'.format(['one']) == ''");
            errors("'%d'.format(['text']) == ''");
        });
    });

    describe("lists extension (added)", () => {
        it("sum of ints and doubles; an empty list sums to 0", () => {
            holds("object.data.items.sum() == 6 && [1, 2].sum() == 3");
            holds("object.data.ratios.sum() == 2.0");
            holds("object.data.?missing.orValue([]).sum() == 0");
        });
        it("min and max; an empty list is an error", () => {
            holds("object.data.items.min() == 1 && object.data.items.max() == 3");
            holds("['b', 'a', 'c'].max() == 'c'");
            errors("object.data.?missing.orValue([]).min() == 0");
        });
        it("indexOf and lastIndexOf", () => {
            holds("[1, 2, 1].indexOf(1) == 0 && [1, 2, 1].lastIndexOf(1) == 2 && [1, 2].indexOf(5) == -1");
            holds("object.data.items.indexOf(2) == 2");
        });
        it("isSorted", () => {
            holds("[1, 2, 2, 3].isSorted() && !object.data.items.isSorted() && ['a', 'b'].isSorted()");
        });
        it("type-checks the element type", () => {
            rejected("[1, 2].indexOf('x') == 0");
        });
    });

    describe("quantity (added)", () => {
        it("parses binary, decimal and exponent suffixes exactly", () => {
            holds("quantity('1Gi') == quantity('1024Mi') && quantity('1k') == quantity('1000') && quantity('1e3') == quantity('1k')");
            holds("quantity('500m').isLessThan(quantity('1')) && quantity('1.5Gi').isGreaterThan(quantity('1536Mi').sub(1))");
            holds("quantity('2Gi').compareTo(quantity('1Gi')) == 1 && quantity('-1').sign() == -1");
        });
        it("converts to int and double", () => {
            holds("quantity('50Gi').asInteger() == 53687091200 && quantity('50Gi').isInteger()");
            holds("!quantity('500m').isInteger() && quantity('500m').asApproximateFloat() == 0.5");
            errors("quantity('500m').asInteger() == 0");
        });
        it("adds and subtracts quantities and ints", () => {
            holds("quantity('1Gi').add(quantity('1Gi')) == quantity('2Gi') && quantity('1').add(1) == quantity('2') && quantity('1k').sub(quantity('1')) == quantity('999')");
        });
        it("isQuantity validates; quantity() of a bad string is an error", () => {
            holds("isQuantity('20Gi') && !isQuantity('20 GB') && !isQuantity('Gi')");
            errors("quantity('twenty').sign() == 1");
        });
        it("works on object fields", () => {
            holds("object.data.sizes.all(s, quantity(s).isLessThan(quantity('2Gi')))");
        });
    });

    it("documents every added function", () => {
        for (const name of ["replace", "format", "sum", "min", "max", "indexOf", "lastIndexOf", "isSorted", "quantity", "isQuantity", "asInteger", "isGreaterThan"]) {
            assert.ok(CEL_EXTENSIONS.some((f) => f.signature.includes(name)), name);
        }
    });
});
