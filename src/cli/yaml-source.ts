import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';

import { CliError } from './errors';

/** A 1-based line and column in a declaration file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A parsed YAML declaration that keeps the source position of each node, so validation findings
 * can point at `file:line:column`.
 */
export class YamlSource {
  private constructor(
    /** Path of the file as the user gave it, for messages. */
    readonly file: string,
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /**
   * Parses YAML text. Syntax errors (and duplicate keys) throw a CliError listing each with its
   * line and column.
   */
  static parse(file: string, text: string): YamlSource {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });

    if (document.errors.length > 0) {
      const lines = document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return `${file}:${position.line}:${position.col}: invalid YAML: ${reason}`;
      });
      throw new CliError(lines.join('\n'));
    }
    return new YamlSource(file, document, lineCounter);
  }

  /** Converts the document to plain JavaScript values. */
  toJS(): unknown {
    return this.document.toJS();
  }

  /**
   * Position of the value at `path`, or of its closest ancestor that exists when the path goes
   * further than the file does (a missing field points at the map that should contain it).
   */
  valuePosition(path: ReadonlyArray<string | number>): SourcePosition {
    const { node } = this.walk(path);
    return this.positionOf(node);
  }

  /** Position of the key of the last path segment (where an unknown key is reported). */
  keyPosition(path: ReadonlyArray<string | number>): SourcePosition {
    const { node, pair } = this.walk(path);
    if (pair !== undefined && isScalar(pair.key) && pair.key.range) return this.offsetPosition(pair.key.range[0]);
    return this.positionOf(node);
  }

  private walk(path: ReadonlyArray<string | number>): { node: Node | null; pair?: Pair } {
    let node = this.document.contents as Node | null;
    let pair: Pair | undefined;

    for (const segment of path) {
      if (isMap(node)) {
        const found = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (found === undefined) return { node };
        pair = found as Pair;
        node = (found.value ?? found.key) as Node | null;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        pair = undefined;
        node = node.items[segment] as Node | null;
      } else {
        return { node, pair: undefined };
      }
    }
    return { node, pair };
  }

  private positionOf(node: Node | null): SourcePosition {
    if (node === null || node.range === undefined || node.range === null) return { line: 1, column: 1 };
    return this.offsetPosition(node.range[0]);
  }

  private offsetPosition(offset: number): SourcePosition {
    const position = this.lineCounter.linePos(offset);
    return { line: Math.max(position.line, 1), column: position.col };
  }
}
