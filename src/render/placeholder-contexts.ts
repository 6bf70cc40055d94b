import { PLACEHOLDER_PATTERN } from "./placeholders.js";

/**
 * Where a placeholder stands in a message read as HTML, from the point of view of what HTML escaping protects:
 * `text`, `comment` and a quoted value of an ordinary `attribute` are safe (`& < > " '` are escaped); the others are
 * not — a `url` attribute takes `javascript:` as readily as `https:`, an `unquoted_attribute` ends at the first space
 * of the value, an `event_handler` or `srcdoc`-like value is decoded before it runs, `style` and `script` are not
 * HTML at all, and a `tag` position lets a value write its own attributes.
 */
export type PlaceholderContext =
  | "text"
  | "comment"
  | "attribute"
  | "url"
  | "unquoted_attribute"
  | "event_handler"
  | "style"
  | "script"
  | "tag";

/** One placeholder of a message and the HTML context it stands in. */
export interface PlacedPlaceholder {
  /** The placeholder as written, e.g. `{lhc.var.url}`. */
  placeholder: string;
  /** Its offset in the message. */
  index: number;
  context: PlaceholderContext;
}

// Attributes whose value the browser reads as a URL (or, for `srcdoc`, as a whole document).
const URL_ATTRIBUTES = new Set([
  "action", "archive", "background", "cite", "classid", "codebase", "data", "dynsrc", "formaction", "href", "icon",
  "imagesrcset", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile", "src", "srcdoc", "srcset", "usemap",
  "xlink:href",
]);

const PLACEHOLDER_AT = new RegExp(PLACEHOLDER_PATTERN.source, "y");
const TAG_START = /<\/?[A-Za-z]/y;
const NAME = /[^\s/>=]*/y;
const SPACE = /\s*/y;

/**
 * Finds every placeholder of a message with the HTML context it stands in, by a small tokenizer that follows the
 * HTML syntax far enough to know text from tags, attribute values (quoted or not), comments and the raw text of
 * `<script>` and `<style>`. It reads the configured message, not a rendered one, so its answer holds for every value.
 *
 * @example
 * placeholderContexts('<a href="{lhc.var.u}">Hi {nick}</a>').map((p) => p.context) // => ["url", "text"]
 * placeholderContexts("<b class={nick}>")[0]?.context                               // => "unquoted_attribute"
 */
export function placeholderContexts(message: string): PlacedPlaceholder[] {
  const found: PlacedPlaceholder[] = [];
  const scan = new Scanner(message, found);
  scan.run();
  return found;
}

class Scanner {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly found: PlacedPlaceholder[],
  ) {}

  run(): void {
    while (this.at < this.text.length) {
      if (this.text.startsWith("<!--", this.at)) this.rawUntil("-->", "comment", this.at + 4);
      else if (this.text.startsWith("<{", this.at)) this.placeholderOrStep("tag", 1);
      else if (this.sticky(TAG_START)) this.tag();
      else this.placeholderOrStep("text", 0);
    }
  }

  /** Records a placeholder at `at + offset` in `context` and skips it, or steps over one character. */
  private placeholderOrStep(context: PlaceholderContext, offset: number): void {
    PLACEHOLDER_AT.lastIndex = this.at + offset;
    const match = PLACEHOLDER_AT.exec(this.text);
    if (match === null) {
      this.at += 1;
      return;
    }
    this.found.push({ placeholder: match[0], index: match.index, context });
    this.at = PLACEHOLDER_AT.lastIndex;
  }

  /** A start or end tag from its `<`: its name, then attributes until `>`. */
  private tag(): void {
    const closing = this.text.charCodeAt(this.at + 1) === 0x2f;
    this.at += closing ? 2 : 1;
    const name = this.name().toLowerCase();
    while (this.at < this.text.length) {
      this.skip(SPACE);
      const c = this.text[this.at];
      if (c === ">") {
        this.at += 1;
        if (!closing && (name === "script" || name === "style")) this.rawUntil(`</${name}`, name, this.at);
        return;
      }
      if (c === "/") this.at += 1;
      else this.attribute();
    }
  }

  /** One attribute: its name (a placeholder there writes attributes of its own), then its value if any. */
  private attribute(): void {
    const name = this.name().toLowerCase();
    if (name === "") {
      this.placeholderOrStep("tag", 0);
      return;
    }
    this.skip(SPACE);
    if (this.text[this.at] !== "=") return;
    this.at += 1;
    this.skip(SPACE);
    const quote = this.text[this.at];
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.at + 1);
      this.within(this.at + 1, end === -1 ? this.text.length : end, attributeContext(name));
      this.at = end === -1 ? this.text.length : end + 1;
      return;
    }
    const rest = /[^\s>]*/y;
    rest.lastIndex = this.at;
    rest.exec(this.text);
    this.within(this.at, rest.lastIndex, "unquoted_attribute");
    this.at = rest.lastIndex;
  }

  /** A name of a tag or attribute; a placeholder inside one is recorded as standing in a tag. */
  private name(): string {
    const start = this.at;
    this.skip(NAME);
    this.within(start, this.at, "tag");
    return this.text.slice(start, this.at);
  }

  /** Text that ends at `end` (or the message's end), read as one context, e.g. a comment or a script. */
  private rawUntil(end: string, context: PlaceholderContext, from: number): void {
    const lower = this.text.toLowerCase();
    const stop = lower.indexOf(end, from);
    const to = stop === -1 ? this.text.length : stop;
    this.within(from, to, context);
    this.at = context === "comment" && stop !== -1 ? to + end.length : to;
  }

  private within(from: number, to: number, context: PlaceholderContext): void {
    for (let i = this.text.indexOf("{", from); i !== -1 && i < to; i = this.text.indexOf("{", i + 1)) {
      PLACEHOLDER_AT.lastIndex = i;
      const match = PLACEHOLDER_AT.exec(this.text);
      if (match !== null && PLACEHOLDER_AT.lastIndex <= to) {
        this.found.push({ placeholder: match[0], index: i, context });
      }
    }
  }

  private sticky(pattern: RegExp): boolean {
    pattern.lastIndex = this.at;
    return pattern.test(this.text);
  }

  private skip(pattern: RegExp): void {
    pattern.lastIndex = this.at;
    pattern.exec(this.text);
    this.at = Math.max(this.at, pattern.lastIndex);
  }
}

function attributeContext(name: string): PlaceholderContext {
  if (name.startsWith("on")) return "event_handler";
  if (name === "style") return "style";
  return URL_ATTRIBUTES.has(name) ? "url" : "attribute";
}
