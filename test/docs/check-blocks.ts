// Type-checks every doc block as its own module with one TypeScript program (one compiler run for all of them, not a
// tsc process per block), under tsconfig.docs.json: `beckon` and `beckon/*` resolve to src/.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { DocBlock } from "./extract-blocks.js";
import { instrumentPrints, printExpectations } from "./printed-lines.js";

/** A block written to disk as a module. */
export interface BlockModule {
  block: DocBlock;
  /** The module's absolute path. */
  path: string;
  /** Lines of prelude before the block's code in the module. */
  preludeLines: number;
  /** The copy that is run: `console.log` lines that promise a text report it with their line (printed-lines.ts). */
  runPath: string;
  /** The text each promising `console.log` line prints, by 0-based line of the block. */
  prints: Map<number, string>;
}

/**
 * Writes each block to a fresh directory as its own module (prelude first), beside a `node_modules` link to the
 * repository's, so a block's imports of other packages resolve as in a project. Returns the modules in block order.
 *
 * @example
 * const modules = writeBlockModules(blocks, repositoryRoot);
 */
export function writeBlockModules(blocks: readonly DocBlock[], root: string): BlockModule[] {
  const directory = join(tmpdir(), `beckon-doc-blocks-${process.pid}-${Date.now()}`);
  mkdirSync(directory, { recursive: true });
  symlinkSync(join(root, "node_modules"), join(directory, "node_modules"), "dir");
  return blocks.map((block) => {
    const name = `${block.file.replace(/[^\w]+/g, "-")}-L${block.line}.${block.language === "ts" ? "ts" : "js"}`;
    const path = join(directory, name);
    const runPath = join(directory, `run-${name}`);
    const prelude = block.prelude === "" ? "" : `${block.prelude}\n`;
    const prints = printExpectations(block.code);
    writeFileSync(path, `${prelude}${block.code}\n`);
    writeFileSync(runPath, `${prelude}${instrumentPrints(block.code, prints)}\n`);
    return { block, path, preludeLines: prelude === "" ? 0 : prelude.split("\n").length - 1, runPath, prints };
  });
}

/** Removes the directory `writeBlockModules` made. */
export function removeBlockModules(modules: readonly BlockModule[]): void {
  const first = modules[0];
  if (first !== undefined) rmSync(resolve(first.path, ".."), { recursive: true, force: true });
}

/**
 * The type errors of each module, as `page:line: message` with the page's own line numbers (a problem in the
 * hidden prelude says so), under the compiler options of `tsconfig.docs.json`; an empty list for a clean block.
 *
 * @example
 * typeCheckBlocks(modules, repositoryRoot).get(modules[0]) // => ["docs/storage.md:42: Cannot find name 'app'."]
 */
export function typeCheckBlocks(modules: readonly BlockModule[], root: string): Map<BlockModule, string[]> {
  const configPath = join(root, "tsconfig.docs.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    // A block without imports would otherwise be a script, sharing one global scope with every other such block.
    moduleDetection: ts.ModuleDetectionKind.Force,
    allowJs: true,
    checkJs: true,
  };
  const program = ts.createProgram({ rootNames: modules.map((module) => module.path), options });
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(global.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  const errors = new Map<BlockModule, string[]>();
  for (const module of modules) {
    const source = program.getSourceFile(module.path);
    if (source === undefined) throw new Error(`the program lost ${module.path}`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    errors.set(module, diagnostics.map((diagnostic) => describe(diagnostic, module, source)));
  }
  return errors;
}

function describe(diagnostic: ts.Diagnostic, module: BlockModule, source: ts.SourceFile): string {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  if (diagnostic.start === undefined) return `${module.block.file}:${module.block.line}: ${message}`;
  const { line } = source.getLineAndCharacterOfPosition(diagnostic.start);
  if (line < module.preludeLines) return `${module.block.file}:${module.block.line} (hidden prelude): ${message}`;
  return `${module.block.file}:${module.block.line + line - module.preludeLines}: ${message}`;
}
