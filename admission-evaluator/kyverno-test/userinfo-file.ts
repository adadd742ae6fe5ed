import { problemsError } from "../../cli/errors";
import { ShapeReader } from "../shape";
import type { UserInfo } from "../types";
import { stringField } from "../values";

/** A `cli.kyverno.io/v1alpha1` UserInfo file: RequestInfo inline (roles, clusterRoles, userInfo). */
export function readUserInfo(document: unknown, where: string): UserInfo {
    const read = new ShapeReader();
    const doc = read.object(document, "userinfo", ["apiVersion", "kind", "metadata", "roles", "clusterRoles", "userInfo"], true) ?? {};
    if (stringField(doc, "apiVersion") !== "cli.kyverno.io/v1alpha1") read.problem("apiVersion", "must be cli.kyverno.io/v1alpha1");
    if (stringField(doc, "kind") !== "UserInfo") read.problem("kind", "must be UserInfo");
    const user = read.object(doc.userInfo, "userInfo", ["username", "uid", "groups", "extra"]) ?? {};
    const extra: Record<string, string[]> = {};
    for (const key of Object.keys(read.object(user.extra, "userInfo.extra", Object.keys(user.extra ?? {})) ?? {})) {
        extra[key] = read.strings((user.extra as Record<string, unknown>)[key], `userInfo.extra.${key}`);
    }
    const info: UserInfo = {
        username: read.string(user.username, "userInfo.username") ?? "",
        uid: read.string(user.uid, "userInfo.uid") ?? "",
        groups: read.strings(user.groups, "userInfo.groups"),
        extra,
    };
    if (read.problems.length > 0) throw problemsError(`${where}: invalid userinfo:`, read.problems);
    return info;
}
