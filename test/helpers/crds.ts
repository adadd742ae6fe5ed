/**
 * Suites that validate manifests against upstream CRD schemas need PAVED_CRD_DIR. Without it they
 * are skipped, visibly (the suite title says so); `.ci/run` sets PAVED_REQUIRE_CRDS=1 whenever it
 * found the directory, and then a missing directory fails instead.
 */
export function crdDirectory(): string | undefined {
    return process.env.PAVED_CRD_DIR || undefined;
}

export function describeWithCrds(title: string, fn: (this: Mocha.Suite) => void): void {
    if (crdDirectory()) {
        describe(title, fn);
    } else if (process.env.PAVED_REQUIRE_CRDS === "1") {
        describe(title, () =>
            it("needs PAVED_CRD_DIR", () => {
                throw new Error("PAVED_CRD_DIR is not set: set it to the upstream CRD directory (locally `export PAVED_CRD_DIR=../shared/crds`)");
            }),
        );
    } else {
        describe.skip(`${title} [skipped: PAVED_CRD_DIR is not set]`, fn);
    }
}
