// The bench baseline: a bare Node process that only loads the SDK modules an offline preview loads.
// argv: the @pulumi/aws submodules the program touches (aws loads them lazily on first access).
require("tsx/cjs");
require("@pulumi/pulumi");
require("@pulumi/policy");
require("@pulumi/awsx");
require("@pulumi/eks");
require("@pulumi/kubernetes");
const aws = require("@pulumi/aws");
for (const mod of process.argv.slice(2)) {
    void aws[mod];
}
