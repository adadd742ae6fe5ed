// Deterministic stand-ins for what the API server makes up: generated name
// suffixes and UIDs. Same input, same output, so renders are reproducible.
import { hash } from "node:crypto";

// k8s.io/apimachinery/pkg/util/rand's alphabet (no vowels, no confusable digits).
const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A five-character suffix like the API server's generateName uses. */
export function nameSuffix(seed: string): string {
    // One-shot hex digest: the cheapest way to SHA-256 a short string in Node.
    const h = hash("sha256", seed, "hex");
    let s = "";
    for (let i = 0; i < 5; i++) s += ALPHABET[parseInt(h.slice(2 * i, 2 * i + 2), 16) % ALPHABET.length];
    return s;
}

/** A UUID-shaped UID derived from the object's identity. */
export function fakeUID(seed: string): string {
    const h = hash("sha256", seed, "hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
