// crossplane's claim syncer (claim -> XR half), fixtures/crossplane/claim-syncer.yaml.
import { JsonObject, Value } from "../../composition-renderer";
import { syncClaimToComposite } from "../../composition-renderer/crossplane/claim-sync";
import { goEqual } from "./compare";
import { expectOutcome, loadFixture } from "./fixture";

const fixture = loadFixture("crossplane", "claim-syncer.yaml");

describe(`conformance: ${fixture.source.repository} ${fixture.source.file}`, () => {
    for (const [test, cases] of Object.entries(fixture.tests)) {
        describe(test, () => {
            for (const c of cases) {
                it(c.case, () =>
                    expectOutcome(
                        () =>
                            syncClaimToComposite(c.claim as JsonObject, {
                                existing: c.existing as JsonObject | undefined,
                                hasEnforcedComposition: c.hasEnforcedComposition === true,
                                generateName: () => c.generatedName as string,
                            }),
                        { ...c.want, output: c.want.xr as Value },
                        goEqual,
                    ),
                );
            }
        });
    }
});
