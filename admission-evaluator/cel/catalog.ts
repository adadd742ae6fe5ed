/**
 * The CEL functions this evaluator adds to cel-js's built-ins, with the Kubernetes/Kyverno
 * library each comes from. Anything else a policy calls fails the type check at load.
 */
export const CEL_EXTENSIONS: readonly { signature: string; library: string }[] = [
    { signature: "string.replace(string, string): string", library: "cel-go ext.Strings" },
    { signature: "string.replace(string, string, int): string", library: "cel-go ext.Strings" },
    { signature: "string.format(list<dyn>): string  (%s %d %f %.Nf %e %x %X %o %b %%)", library: "cel-go ext.Strings" },
    { signature: "list<int|double>.sum()", library: "Kubernetes lists" },
    { signature: "list<T>.min() / max(): T", library: "Kubernetes lists" },
    { signature: "list<T>.indexOf(T) / lastIndexOf(T): int", library: "Kubernetes lists" },
    { signature: "list<T>.isSorted(): bool", library: "Kubernetes lists" },
    { signature: "quantity(string): Quantity, isQuantity(string): bool", library: "Kubernetes quantity" },
    { signature: "Quantity.isInteger() asInteger() asApproximateFloat() sign()", library: "Kubernetes quantity" },
    { signature: "Quantity.add(Quantity|int) sub(Quantity|int): Quantity", library: "Kubernetes quantity" },
    { signature: "Quantity.isGreaterThan(Quantity) isLessThan(Quantity): bool, compareTo(Quantity): int, ==", library: "Kubernetes quantity" },
];
