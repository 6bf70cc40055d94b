// Makes the top-level bindings of the ES module build constant where nothing assigns them again: `var x = …` becomes
// `const x=…` and `function f(…) {…}` becomes `const f = function f(…) {…};`. V8 reads a module's mutable top-level
// bindings (and calls its top-level function declarations, which are mutable bindings too) from optimised code at
// about twice the cost of its constants, and esbuild writes every top-level `const` of a bundle as `var`: the published
// ES module build ran ≈ 15 % more instructions per `evaluate` than the CommonJS one, whose code sits in a function
// (bench/RESULTS.md, "Fourteenth round").
//
// A binding is left as it is when any assignment, update or for-in/of head in the file names it and resolves to it
// (an inner declaration of the same name shadows it), when it is declared twice, or when code that runs while the
// module loads may read it before its declaration (a `const` is not hoisted: such a read would now throw). That last
// rule is read off the text (see `readBeforeDeclared`), and the build then loads every module it rewrote, so a read
// it missed fails the build (`npm run check:dist` loads them too). A class counts as a function body there: defining
// it runs its heritage (and its static parts, but for esbuild's naming block), not its methods. Source maps are
// shifted for the longer lines.
//
//   node scripts/const-bindings.mjs            # every ES module in dist/ but the CLI (run by `npm run build`)
//   import { constBindings } from "./scripts/const-bindings.mjs"   // one file's text (bench/callgrind-functions.ts)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "acorn";

/** The names a pattern (a parameter, a declarator's target) binds. */
function patternNames(node, into) {
  if (node === null) return into;
  switch (node.type) {
    case "Identifier":
      into.add(node.name);
      break;
    case "ObjectPattern":
      for (const property of node.properties) patternNames(property.type === "RestElement" ? property.argument : property.value, into);
      break;
    case "ArrayPattern":
      for (const element of node.elements) patternNames(element, into);
      break;
    case "RestElement":
      patternNames(node.argument, into);
      break;
    case "AssignmentPattern":
      patternNames(node.left, into);
      break;
  }
  return into;
}

const isNode = (value) => value !== null && typeof value === "object";
const children = (node) => Object.keys(node).filter((key) => key !== "type" && key !== "start" && key !== "end").map((key) => node[key]);

/** The names a function body (`var` included, hoisted from nested statements) or a block (`let`, `const`, classes, functions) declares. */
function declaredIn(statements, isFunction, into) {
  const visit = (node, top) => {
    if (!isNode(node)) return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, top));
    switch (node.type) {
      case "VariableDeclaration":
        if (node.kind === "var" ? isFunction : top) for (const declarator of node.declarations) patternNames(declarator.id, into);
        return;
      case "FunctionDeclaration":
      case "ClassDeclaration":
        if (top) into.add(node.id.name);
        return;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ClassExpression":
        return;
    }
    if (isFunction) for (const child of children(node)) visit(child, false);
  };
  for (const statement of statements) visit(statement, true);
  return into;
}

/** The top-level `names` that something in `program` assigns (scopes that could shadow them taken into account). */
function assignedAtTop(program, names) {
  const assigned = new Set();
  const note = (target, scopes) => {
    for (const name of patternNames(target, new Set())) if (names.has(name) && !scopes.some((scope) => scope.has(name))) assigned.add(name);
  };
  const walk = (node, scopes) => {
    if (!isNode(node)) return;
    if (Array.isArray(node)) return node.forEach((child) => walk(child, scopes));
    let inner = scopes;
    switch (node.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression": {
        const own = new Set();
        if (node.type === "FunctionExpression" && node.id) own.add(node.id.name);
        for (const param of node.params) patternNames(param, own);
        if (node.body.type === "BlockStatement") declaredIn(node.body.body, true, own);
        inner = [...scopes, own];
        break;
      }
      case "BlockStatement":
      case "StaticBlock":
      case "SwitchStatement":
        if (scopes.length > 0) inner = [...scopes, declaredIn(node.type === "SwitchStatement" ? node.cases.flatMap((c) => c.consequent) : node.body, false, new Set())];
        break;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const head = node.type === "ForStatement" ? node.init : node.left;
        if (head && head.type === "VariableDeclaration" && head.kind !== "var") inner = [...scopes, patternNames(head.declarations[0].id, new Set())];
        if (node.type !== "ForStatement" && head && head.type !== "VariableDeclaration") note(head, inner);
        break;
      }
      case "CatchClause":
        inner = [...scopes, patternNames(node.param, new Set())];
        break;
      case "ClassExpression":
        if (node.id) inner = [...scopes, new Set([node.id.name])];
        break;
      case "AssignmentExpression":
        note(node.left, scopes);
        break;
      case "UpdateExpression":
        note(node.argument, scopes);
        break;
    }
    for (const child of children(node)) walk(child, inner);
  };
  walk(program.body, []);
  return assigned;
}

/**
 * The names a subtree refers to: every identifier but property names (`a.name`, `{ name: … }`, a method's name). A
 * superset of what it reads (a parameter counts too), which only keeps more bindings as they are.
 */
function namesIn(node, into = new Set()) {
  if (!isNode(node)) return into;
  if (Array.isArray(node)) {
    for (const child of node) namesIn(child, into);
    return into;
  }
  switch (node.type) {
    case "Identifier":
      into.add(node.name);
      return into;
    case "MemberExpression":
      namesIn(node.object, into);
      if (node.computed) namesIn(node.property, into);
      return into;
    case "Property":
    case "MethodDefinition":
    case "PropertyDefinition":
      if (node.computed) namesIn(node.key, into);
      namesIn(node.value, into);
      return into;
  }
  for (const child of children(node)) namesIn(child, into);
  return into;
}

/**
 * Top-level names that code running while the module loads may read before their declaration has run: what each
 * statement that runs (not a function declaration, not an import or export list) names, and, through every
 * top-level function it names, what those functions name, gathered in order. A `var` or function read that way must
 * stay as it is (a `const` is not hoisted).
 */
function readBeforeDeclared(program, functions) {
  const bodies = new Map(functions.map((node) => [node.id.name, node]));
  // A class is a body too: its methods and instance fields run only once load-time code names it (calls, constructs
  // or hands it on), so defining it reaches only what runs then (see `classAtLoad`).
  for (const statement of program.body) {
    if (statement.type === "ClassDeclaration") bodies.set(statement.id.name, statement);
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === "Identifier" && declarator.init?.type === "ClassExpression") bodies.set(declarator.id.name, declarator.init);
    }
  }
  const named = new Map();
  const namesOf = (name) => {
    if (!named.has(name)) named.set(name, namesIn(bodies.get(name)));
    return named.get(name);
  };
  const reached = new Set();
  const reach = (names) => {
    const stack = [...names];
    while (stack.length > 0) {
      const name = stack.pop();
      if (reached.has(name)) continue;
      reached.add(name);
      if (bodies.has(name)) stack.push(...namesOf(name));
    }
  };
  // esbuild's `keepNames` writes `helper(fn, "name")` after each function: the helper gives `fn` its name and calls
  // nothing, so such a statement reaches no function body (a callee used so at least twice; were it anything else, the
  // build's load of every module would say so).
  // `helper(target, "name")` as a statement, `target` of type `targetType`: the shape of esbuild's naming calls.
  const namingCall = (statement, targetType) =>
    statement.type === "ExpressionStatement" &&
    statement.expression.type === "CallExpression" &&
    statement.expression.callee.type === "Identifier" &&
    statement.expression.arguments.length === 2 &&
    statement.expression.arguments[0].type === targetType &&
    statement.expression.arguments[1].type === "Literal" &&
    typeof statement.expression.arguments[1].value === "string";
  const namingCalls = new Map();
  for (const statement of program.body) {
    if (namingCall(statement, "Identifier")) namingCalls.set(statement.expression.callee.name, (namingCalls.get(statement.expression.callee.name) ?? 0) + 1);
  }
  const naming = (statement, targetType = "Identifier") =>
    namingCall(statement, targetType) && (namingCalls.get(statement.expression.callee.name) ?? 0) >= 2;
  /**
   * What defining a class runs: its heritage, and, when it has them, its computed keys, static fields and static
   * blocks, for which the whole class counts (they may call its methods through `this`) — but for a static block that
   * only names the class (`static { helper(this, "Name"); }`, esbuild's `keepNames`).
   */
  const classAtLoad = (node) => {
    const names = namesIn(node.superClass);
    const namesItself = (member) => member.type === "StaticBlock" && member.body.length === 1 && naming(member.body[0], "ThisExpression");
    const runs = (member) => member.computed || (member.type === "StaticBlock" && !namesItself(member)) || (member.type === "PropertyDefinition" && member.static);
    return node.body.body.some(runs) ? namesIn(node, names) : names;
  };
  const atLoad = (node) => (isNode(node) && (node.type === "ClassExpression" || node.type === "ClassDeclaration") ? classAtLoad(node) : namesIn(node));
  const early = new Set();
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration" || (statement.type === "ExportNamedDeclaration" && statement.declaration === null)) continue;
    if (naming(statement)) continue;
    if (statement.type === "FunctionDeclaration") {
      if (reached.has(statement.id.name)) early.add(statement.id.name);
      continue;
    }
    if (statement.type === "VariableDeclaration") {
      // Its own initialisers run first, then its names hold.
      for (const declarator of statement.declarations) {
        reach(atLoad(declarator.init));
        for (const name of patternNames(declarator.id, new Set())) if (reached.has(name)) early.add(name);
      }
      continue;
    }
    reach(atLoad(statement));
  }
  return early;
}

/**
 * The rewritten text and where it grew ([offset in the original text, characters inserted], ascending).
 *
 * @example
 * constBindings("var a = 1;\nfunction f() { return a; }\n").text // => "const a=1;\nconst f = function f() { return a; };\n"
 */
export function constBindings(text) {
  const program = parse(text, { ecmaVersion: "latest", sourceType: "module" });
  const variables = program.body.filter((node) => node.type === "VariableDeclaration" && node.kind === "var");
  const functions = program.body.filter((node) => node.type === "FunctionDeclaration");
  const count = new Map();
  const add = (name) => count.set(name, (count.get(name) ?? 0) + 1);
  for (const declaration of variables) for (const declarator of declaration.declarations) for (const name of patternNames(declarator.id, new Set())) add(name);
  for (const node of functions) add(node.id.name);
  const assigned = assignedAtTop(program, new Set(count.keys()));
  const early = readBeforeDeclared(program, functions);
  const constant = (name) => count.get(name) === 1 && !assigned.has(name) && !early.has(name);
  // [offset, text to insert, characters it replaces]
  const edits = [];
  for (const declaration of variables) {
    const first = declaration.declarations[0];
    if (!declaration.declarations.every((declarator) => declarator.init !== null)) continue;
    if (!declaration.declarations.every((declarator) => [...patternNames(declarator.id, new Set())].every(constant))) continue;
    if (text.slice(declaration.start, declaration.start + 4) !== "var " || text.slice(first.id.end, first.id.end + 3) !== " = ") continue;
    // Same length: `var x = ` → `const x=`.
    edits.push([declaration.start, "const", 3], [first.id.end, "=", 3]);
  }
  for (const node of functions) {
    if (!constant(node.id.name)) continue;
    edits.push([node.start, `const ${node.id.name} = `, 0], [node.end, ";", 0]);
  }
  edits.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  const grew = [];
  for (const [offset, insert, replaces] of edits) {
    out += text.slice(at, offset) + insert;
    at = offset + replaces;
    if (insert.length !== replaces) grew.push([offset, insert.length - replaces]);
  }
  out += text.slice(at);
  return { text: out, grew, changed: edits.length };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** One number of a source map's `mappings`, in base64 VLQ. */
export function encodeValue(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** Moves a source map's generated columns right where the text grew (`grew` as {@link constBindings} gives it). */
export function shiftMappings(mappings, text, grew) {
  // Line starts of the original text, to turn offsets into (line, column).
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const byLine = new Map();
  let line = 0;
  for (const [offset, added] of grew) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    const list = byLine.get(line) ?? [];
    list.push([offset - lineStarts[line], added]);
    byLine.set(line, list);
  }
  return mappings
    .split(";")
    .map((group, index) => {
      const inserts = byLine.get(index);
      if (inserts === undefined || group === "") return group;
      let column = 0;
      let previousNew = 0;
      return group
        .split(",")
        .map((segment) => {
          const values = decodeSegment(segment);
          column += values[0];
          let moved = column;
          for (const [at, added] of inserts) if (column >= at) moved += added;
          values[0] = moved - previousNew;
          previousNew = moved;
          return values.map(encodeValue).join("");
        })
        .join(",");
    })
    .join(";");
}

function modules(dir, dist) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path, dist);
    return name.endsWith(".js") && path !== join(dist, "cli.js") ? [path] : [];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dist = new URL("../dist/", import.meta.url).pathname;
  let total = 0;
  const files = modules(dist, dist);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const { text: out, grew, changed } = constBindings(text);
    if (changed === 0) continue;
    writeFileSync(file, out);
    total += changed;
    try {
      const map = JSON.parse(readFileSync(`${file}.map`, "utf8"));
      map.mappings = shiftMappings(map.mappings, text, grew);
      writeFileSync(`${file}.map`, JSON.stringify(map));
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  // A function now constant and called while its module loads, before its declaration, would throw: load them all.
  for (const file of files) await import(pathToFileURL(file).href);
  console.log(`const-bindings: ${total} top-level bindings made constant in ${relative(process.cwd(), dist)}`);
}
