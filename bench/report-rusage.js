// Preloaded with `node -r`: reports this process's peak RSS on stderr as its last line.
const fs = require("node:fs");
process.on("exit", () => {
    fs.writeSync(2, `\n__bench__ ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
