import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "../cli/errors";
import { isCrd, kindSchemasFromCrd } from "./crd";
import { SchemaRegistry } from "./registry";
import { isXrd, kindSchemasFromXrd } from "./xrd";
import { parseManifests } from "./yaml-docs";

const cache = new Map<string, SchemaRegistry>();

function yamlFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith(".")) continue;
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...yamlFiles(p));
        else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(p);
    }
    return out;
}

/**
 * Loads every CustomResourceDefinition (and Crossplane CompositeResourceDefinition) found in the
 * YAML/JSON files under `dir`, recursively, multi-document files included; served versions only.
 * Loaded once per directory and process (pass `{ cache: false }` to reread).
 */
export function loadCrdDirectory(dir: string, options: { cache?: boolean } = {}): SchemaRegistry {
    const abs = path.resolve(dir);
    const hit = options.cache === false ? undefined : cache.get(abs);
    if (hit) return hit;
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UserInputError(`${dir}: no such directory of CRDs`);
    const registry = new SchemaRegistry(dir);
    for (const file of yamlFiles(abs)) {
        const rel = path.relative(abs, file);
        for (const doc of parseManifests(fs.readFileSync(file, "utf8"), rel)) {
            if (isCrd(doc)) for (const e of kindSchemasFromCrd(doc, rel)) registry.add(e);
            else if (isXrd(doc)) for (const e of kindSchemasFromXrd(doc, rel)) registry.add(e);
        }
    }
    if (registry.size === 0) throw new UserInputError(`${dir}: no CustomResourceDefinition found`);
    cache.set(abs, registry);
    return registry;
}
