// base64.StdEncoding (with Go's error offsets), the hashes and adler32 the
// string Convert transform offers. Go strings are UTF-8 bytes.
import { createHash } from "node:crypto";
import { GoError } from "./errors";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(s: string): string {
    return Buffer.from(s, "utf8").toString("base64");
}

/**
 * base64.StdEncoding.DecodeString. Returns the bytes decoded before any
 * error as a latin1 string, plus the error ("illegal base64 data at input byte N").
 */
export function fromBase64(s: string): { bytes: Buffer; error?: GoError } {
    const src = Buffer.from(s, "utf8");
    const out: number[] = [];
    let si = 0;
    const corrupt = (at: number): { bytes: Buffer; error: GoError } => ({
        bytes: Buffer.from(out),
        error: new GoError(`illegal base64 data at input byte ${at}`),
    });
    const isNL = (b: number): boolean => b === 0x0a || b === 0x0d;
    for (;;) {
        const dbuf = [0, 0, 0, 0];
        let dlen = 4;
        let trailing: number | undefined;
        let j = 0;
        for (; j < 4; j++) {
            if (si === src.length) {
                if (j === 0) return { bytes: Buffer.from(out) };
                return corrupt(si - j);
            }
            const c = src[si++];
            const v = ALPHABET.indexOf(String.fromCharCode(c));
            if (v >= 0 && c < 0x80) {
                dbuf[j] = v;
                continue;
            }
            if (isNL(c)) {
                j--;
                continue;
            }
            if (c !== 0x3d) return corrupt(si - 1);
            if (j < 2) return corrupt(si - 1);
            if (j === 2) {
                while (si < src.length && isNL(src[si])) si++;
                if (si === src.length) return corrupt(src.length);
                if (src[si] !== 0x3d) return corrupt(si - 1);
                si++;
            }
            while (si < src.length && isNL(src[si])) si++;
            if (si < src.length) trailing = si;
            dlen = j;
            break;
        }
        const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
        const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
        out.push(...bytes.slice(0, dlen - 1));
        if (trailing !== undefined) return corrupt(trailing);
        if (dlen < 4) return { bytes: Buffer.from(out) };
    }
}

export function hashHex(algorithm: "sha1" | "sha256" | "sha512", data: Buffer): string {
    return createHash(algorithm).update(data).digest("hex");
}

/** hash/adler32.Checksum. */
export function adler32(data: Buffer): number {
    let a = 1;
    let b = 0;
    for (const byte of data) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    return (b * 65536 + a) >>> 0;
}
