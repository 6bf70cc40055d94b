// Reads the TSDoc of the public types in src/types.ts with the TypeScript compiler, so the JSON Schema's descriptions
// and defaults come from the one place they are written (and checked against the field table by
// test/unit/fields.test.ts), never from a second copy.
import ts from "typescript";

/** A property's documentation: its TSDoc text and its `@default` tag as written (`""`, `none (always)`). */
export interface PropertyDoc {
  text: string;
  default?: string;
}

/** A type's documentation and, for an interface, its properties'. */
export interface TypeDoc {
  text: string;
  properties: Map<string, PropertyDoc>;
}

/**
 * The documentation of every interface and type alias declared in `file`, by name.
 *
 * @example
 * readTypeDocs("src/types.ts").get("Invitation")?.properties.get("name")
 * // => { text: "A label for humans only.", default: '""' }
 */
export function readTypeDocs(file: string): Map<string, TypeDoc> {
  // Through the compiler's view of the module's exports, so it does not matter in which file a type is written.
  const program = ts.createProgram([file], { noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file}: not a module`);
  const docs = new Map<string, TypeDoc>();
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const statement = symbol.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
    if (statement === undefined || !(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) continue;
    const properties = new Map<string, PropertyDoc>();
    const members = ts.isInterfaceDeclaration(statement) ? statement.members : [];
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) continue;
      properties.set(member.name.text, propertyDoc(member));
    }
    docs.set(exported.name, { text: commentOf(statement), properties });
  }
  return docs;
}

function propertyDoc(node: ts.Node): PropertyDoc {
  const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === "default");
  const text = commentOf(node);
  if (tag === undefined) return { text };
  return { text, default: (ts.getTextOfJSDocComment(tag.comment) ?? "").trim() };
}

/** The TSDoc text of a declaration, tags left out, lines joined as a reader sees them. */
function commentOf(node: ts.Node): string {
  const jsDoc = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  const last = jsDoc[jsDoc.length - 1];
  const text = last === undefined ? "" : (ts.getTextOfJSDocComment(last.comment) ?? "");
  return text.replace(/\s*\n\s*/g, " ").trim();
}
