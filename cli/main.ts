import { UserInputError } from "./errors";
import { admitUsage, runAdmit } from "./commands/admit";
import { evidenceUsage, runEvidence } from "./commands/evidence";
import { exportUsage, runExport } from "./commands/export";
import { previewUsage, runPreview } from "./commands/preview";
import { renderUsage, runRender } from "./commands/render";
import { runTestPolicies, testPoliciesUsage } from "./commands/test-policies";

type Command = { usage: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, Command> = {
    preview: { usage: previewUsage, run: runPreview },
    evidence: { usage: evidenceUsage, run: runEvidence },
    render: { usage: renderUsage, run: runRender },
    admit: { usage: admitUsage, run: runAdmit },
    "test-policies": { usage: testPoliciesUsage, run: runTestPolicies },
    export: { usage: exportUsage, run: runExport },
};

function usage(): string {
    return ["usage:", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

/** Runs one `paved` command; returns the exit code. User errors print one message, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        process.stdout.write(usage() + "\n");
        return name === undefined ? 2 : 0;
    }
    const command = commands[name];
    if (!command) {
        process.stderr.write(`paved: unknown command "${name}"\n${usage()}\n`);
        return 2;
    }
    try {
        return await command.run(rest);
    } catch (e) {
        if (e instanceof UserInputError) {
            process.stderr.write(`paved ${name}: ${e.message}\n`);
            return e.exitCode;
        }
        process.stderr.write(`paved ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        return 3;
    }
}
