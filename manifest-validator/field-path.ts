import { childPath, indexPath, keyPath } from "./paths";

/**
 * Appends a rule's `fieldPath` (".spec.ports", ".labels['app.io/x']", ".items[0]") to the path of
 * the node that holds the rule. An unreadable fieldPath leaves the node's path.
 */
export function appendFieldPath(base: string, fieldPath: string): string {
    const token = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/y;
    let path = base;
    let at = 0;
    while (at < fieldPath.length) {
        token.lastIndex = at;
        const m = token.exec(fieldPath);
        if (!m) return base;
        if (m[1] !== undefined) path = childPath(path, m[1]);
        else if (m[2] !== undefined || m[3] !== undefined) path = keyPath(path, (m[2] ?? m[3]).replace(/\\(.)/g, "$1"));
        else path = indexPath(path, Number(m[4]));
        at = token.lastIndex;
    }
    return path;
}
