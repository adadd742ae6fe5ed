/** Kubernetes field paths, rendered like `field.Path`: `spec.items[0].name`, `metadata.labels[app]`. */
export function childPath(parent: string, name: string): string {
    return parent === "" ? name : `${parent}.${name}`;
}

export function indexPath(parent: string, index: number): string {
    return `${parent}[${index}]`;
}

export function keyPath(parent: string, key: string): string {
    return `${parent}[${key}]`;
}
