// Reading the render fixtures (YAML, integers as bigint).
import * as fs from "node:fs";
import * as path from "node:path";
import { JsonObject } from "../../composition-renderer";
import { parseYaml } from "./fixture";

export function renderFixture(name: string): JsonObject {
    return parseYaml(fs.readFileSync(path.join(__dirname, "fixtures", "render", name), "utf8")) as JsonObject;
}
