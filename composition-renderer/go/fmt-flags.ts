// fmt's per-verb state (flags, width, precision) and its padding rules.

export interface FmtFlags {
    widPresent: boolean;
    precPresent: boolean;
    minus: boolean;
    plus: boolean;
    sharp: boolean;
    space: boolean;
    zero: boolean;
    plusV: boolean;
    sharpV: boolean;
    wid: number;
    prec: number;
}

export function clearFlags(): FmtFlags {
    return {
        widPresent: false,
        precPresent: false,
        minus: false,
        plus: false,
        sharp: false,
        space: false,
        zero: false,
        plusV: false,
        sharpV: false,
        wid: 0,
        prec: 0,
    };
}

/** writePadding: zeros only to the left. */
export function padding(f: FmtFlags, n: number): string {
    if (n <= 0) return "";
    return (f.zero && !f.minus ? "0" : " ").repeat(n);
}

export function runeCount(s: string): number {
    let n = 0;
    for (const _ of s) n++;
    return n;
}

/** pad / padString: left unless minus. */
export function pad(f: FmtFlags, s: string): string {
    if (!f.widPresent || f.wid === 0) return s;
    const width = f.wid - runeCount(s);
    return f.minus ? s + padding(f, width) : padding(f, width) + s;
}
