/** CEL property-name escaping of Kubernetes (k8s.io/apiserver/pkg/cel/escaping.go). */

const reserved = new Set([
    "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
    "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
]);

/** The name a property has in CEL (`namespace` → `__namespace__`, `a-b` → `a__dash__b`), or undefined if not accessible. */
export function escapeCelName(name: string): string | undefined {
    if (name === "" || /^[0-9]/.test(name)) return undefined;
    if (reserved.has(name)) return `__${name}__`;
    let ok = true;
    const escaped = name.replace(/__|[-./]|[^a-zA-Z0-9_]/g, (m) => {
        switch (m) {
            case "__":
                return "__underscores__";
            case ".":
                return "__dot__";
            case "-":
                return "__dash__";
            case "/":
                return "__slash__";
            default:
                ok = false;
                return "";
        }
    });
    return ok ? escaped : undefined;
}
