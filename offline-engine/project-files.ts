import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { UserInputError } from "../cli/errors";

/** A Pulumi project on disk: `Pulumi.yaml` and the program it runs. */
export interface PulumiProject {
    name: string;
    dir: string;
    /** The module Pulumi would run: `main` from Pulumi.yaml, or the folder's index. */
    program: string;
}

/** Finds the project for a program path (a folder with Pulumi.yaml or index.ts, or a .ts/.js file). */
export function findProject(programPath: string): PulumiProject {
    const absolute = path.resolve(programPath);
    if (!fs.existsSync(absolute)) {
        throw new UserInputError(`--program: ${programPath} does not exist`);
    }
    const isFile = fs.statSync(absolute).isFile();
    let dir = isFile ? path.dirname(absolute) : absolute;
    const start = dir;
    while (!fs.existsSync(path.join(dir, "Pulumi.yaml")) && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
    }
    const projectFile = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(projectFile)) {
        dir = start;
    }
    const project = fs.existsSync(projectFile) ? readYaml(projectFile) : {};
    const name = typeof project.name === "string" ? project.name : path.basename(dir);
    const program = isFile ? absolute : resolveMain(absolute, dir, project.main);
    return { name, dir, program };
}

function resolveMain(folder: string, projectDir: string, main: unknown): string {
    const candidates = [
        ...(typeof main === "string" && folder === projectDir ? [path.resolve(projectDir, main)] : []),
        path.join(folder, "index.ts"),
        path.join(folder, "index.js"),
    ];
    for (const c of candidates) {
        if (fs.existsSync(c) && fs.statSync(c).isFile()) {
            return c;
        }
        if (fs.existsSync(path.join(c, "index.ts"))) {
            return path.join(c, "index.ts");
        }
    }
    throw new UserInputError(`--program: no index.ts or index.js in ${folder} (and no usable "main" in Pulumi.yaml)`);
}

/** Flat config map as the Pulumi runtime receives it, plus which keys are secrets. */
export interface StackConfigFile {
    file: string;
    config: Record<string, string>;
    secretKeys: string[];
}

/** Reads `Pulumi.<stack>.yaml`: keys namespaced (`key` → `<project>:key`), objects as JSON text. */
export function loadStackConfigFile(project: PulumiProject, stack: string): StackConfigFile {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(stack)) {
        throw new UserInputError(`--stack: "${stack}" is not a stack name (letters, digits, '-', '_', '.')`);
    }
    const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        const known = fs
            .readdirSync(project.dir)
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((s): s is string => !!s);
        throw new UserInputError(`--stack: no stack "${stack}" in ${project.dir} (Pulumi.${stack}.yaml is missing; stacks here: ${known.join(", ") || "none"})`);
    }
    const doc = readYaml(file);
    const entries = doc.config ?? {};
    if (typeof entries !== "object" || Array.isArray(entries)) {
        throw new UserInputError(`${path.basename(file)}: config must be a map of key: value`);
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
        const fullKey = key.includes(":") ? key : `${project.name}:${key}`;
        if (isSecure(value)) {
            secretKeys.push(fullKey);
            config[fullKey] = "[secret: encrypted, not readable offline]";
        } else {
            config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { file, config, secretKeys };
}

function isSecure(v: unknown): boolean {
    return typeof v === "object" && v !== null && Object.keys(v).length === 1 && "secure" in v;
}

function readYaml(file: string): Record<string, any> {
    const doc = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const where = e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : "";
        const reason = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
        throw new UserInputError(`${path.basename(file)}${where}: ${reason}`);
    }
    const value = doc.toJS();
    if (value !== null && (typeof value !== "object" || Array.isArray(value))) {
        throw new UserInputError(`${path.basename(file)}: must be a YAML map`);
    }
    return value ?? {};
}
