// Compile the Sass and copy the scripts the service serves itself. Runs at install.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "feedback_app", "static", "dist");
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "feedback_app", "assets", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "app.css"), result.css);
const gf = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
copyFileSync(join(gf, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), join(out, "..", "..", "..", "tests", "browser", "axe.min.js"));
console.log("built", out);
