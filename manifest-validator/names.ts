/** Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation), each returning a rule text or undefined. */

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function dnsSubdomainProblem(name: string): string | undefined {
    if (name.length > 253) return "must be no more than 253 characters";
    if (!dns1123Subdomain.test(name)) {
        return "must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric";
    }
    return undefined;
}

/** generateName is a prefix: a trailing '-' or '.' is fine (the API server appends a suffix). */
export function generateNameProblem(prefix: string): string | undefined {
    return dnsSubdomainProblem(/[-.]$/.test(prefix) ? `${prefix}a` : prefix);
}

export function dnsLabelProblem(name: string): string | undefined {
    if (name.length > 63) return "must be no more than 63 characters";
    if (!dns1123Label.test(name)) {
        return "must be a lowercase RFC 1123 label: lowercase alphanumerics or '-', starting and ending with an alphanumeric";
    }
    return undefined;
}

/** Label and annotation keys: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function qualifiedNameProblem(key: string): string | undefined {
    const parts = key.split("/");
    let name = key;
    if (parts.length === 2) {
        if (parts[0] === "") return "prefix part must be non-empty";
        const p = dnsSubdomainProblem(parts[0]);
        if (p) return `prefix part ${p}`;
        name = parts[1];
    } else if (parts.length > 2) {
        return "must be a qualified name: an optional DNS subdomain prefix and '/', then a name";
    }
    if (name === "") return "name part must be non-empty";
    if (name.length > 63) return "name part must be no more than 63 characters";
    if (!qualifiedNamePart.test(name)) {
        return "name part must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
    }
    return undefined;
}

export function labelValueProblem(value: string): string | undefined {
    if (value.length > 63) return "must be no more than 63 characters";
    if (!labelValue.test(value)) {
        return "must be empty or consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
    }
    return undefined;
}

/** `Kind` must be a DNS-1035 label once lower-cased (embedded resources). */
export function kindProblem(kind: string): string | undefined {
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(kind.toLowerCase()) || kind.length > 63) {
        return "may have mixed case, but should otherwise be a DNS-1035 label";
    }
    return undefined;
}

/** `group/version` or `version`, as schema.ParseGroupVersion accepts. */
export function apiVersionProblem(apiVersion: string): string | undefined {
    if (apiVersion.split("/").length > 2) return "must be 'group/version' or 'version'";
    return undefined;
}
