/** Markdown helpers shared by the evidence files. */

export function mdCell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** A stable sort by a list of string keys (evidence must not depend on registration order). */
export function sortBy<T>(items: T[], key: (item: T) => string[]): T[] {
    return [...items].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
            const c = (ka[i] ?? "").localeCompare(kb[i] ?? "", "en");
            if (c !== 0) {
                return c;
            }
        }
        return 0;
    });
}
