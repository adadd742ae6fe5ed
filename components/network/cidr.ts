/** IPv4 CIDR arithmetic for subnet planning and config checks. */

export interface Ipv4Cidr {
    /** First address as an unsigned 32-bit integer. */
    readonly base: number;
    readonly prefix: number;
}

const cidrPattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns a reason string when it is not a canonical IPv4 CIDR. */
export function parseCidr(text: string): Ipv4Cidr | string {
    const m = cidrPattern.exec(text);
    if (!m) {
        return `"${text}" is not an IPv4 CIDR (a.b.c.d/n)`;
    }
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return `"${text}" is not an IPv4 CIDR (octets 0-255, prefix 0-32)`;
    }
    const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
    const base = (address & maskOf(prefix)) >>> 0;
    if (base !== address) {
        return `"${text}" has host bits set (did you mean ${formatCidr({ base, prefix })}?)`;
    }
    return { base, prefix };
}

export function mustParseCidr(text: string): Ipv4Cidr {
    const parsed = parseCidr(text);
    if (typeof parsed === "string") {
        throw new Error(parsed);
    }
    return parsed;
}

export function formatCidr(c: Ipv4Cidr): string {
    const b = c.base;
    return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

export function size(c: Ipv4Cidr): number {
    return 2 ** (32 - c.prefix);
}

export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    const aEnd = a.base + size(a);
    const bEnd = b.base + size(b);
    return a.base < bEnd && b.base < aEnd;
}

export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
    return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

/** The n-th block of the given prefix inside `within` (0-based). */
export function nthBlock(within: Ipv4Cidr, prefix: number, n: number): Ipv4Cidr {
    if (prefix < within.prefix) {
        throw new Error(`a /${prefix} does not fit in ${formatCidr(within)}`);
    }
    const block = { base: within.base + n * 2 ** (32 - prefix), prefix };
    if (!contains(within, block)) {
        throw new Error(`block ${n} of /${prefix} falls outside ${formatCidr(within)}`);
    }
    return block;
}

function maskOf(prefix: number): number {
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}
