export { projectRoot, dataDir, outDir, outPath } from "./project-paths";
