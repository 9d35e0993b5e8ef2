import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

import { readDeclarationStructure } from './declaration-schema';
import type { Declaration, SchemaIssue } from './declaration-types';
import { CliError, DeclarationError } from './errors';
import type { DeclarationProblem } from './errors';
import { YamlSource } from './yaml-source';

/** Default declaration file name, looked up in the working directory. */
export const DEFAULT_DECLARATION_FILE = 'webhooks.yaml';

/** A declaration together with the YAML source it was read from, for locating findings. */
export interface LoadedDeclaration {
  readonly declaration: Declaration;
  readonly source: YamlSource;
}

/**
 * Reads and parses a declaration file and checks its structure. Throws CliError when the file is
 * missing or is not valid YAML, and DeclarationError listing every structural problem.
 */
export async function loadDeclaration(file: string, cwd: string): Promise<LoadedDeclaration> {
  const absolutePath = path.resolve(cwd, file);

  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new CliError(`Cannot read the declaration ${file}: ${reason}. Pass its path with --file.`);
  }

  return parseDeclaration(file, absolutePath, text);
}

/** Parses declaration text; see loadDeclaration. */
export function parseDeclaration(file: string, absolutePath: string, text: string): LoadedDeclaration {
  const source = YamlSource.parse(file, text);
  const { structure, issues } = readDeclarationStructure(source.toJS());

  if (issues.length > 0) throw new DeclarationError(issues.map((issue) => issueToProblem(source, issue)));
  return { declaration: { file, absolutePath, ...structure }, source };
}

function issueToProblem(source: YamlSource, issue: SchemaIssue): DeclarationProblem {
  const position = issue.atKey ? source.keyPosition(issue.path) : source.valuePosition(issue.path);
  return { file: source.file, line: position.line, column: position.column, field: formatYamlPath(issue.path), severity: 'error', message: issue.message };
}

/** Formats a document path as `environments.staging.credentials`, with `[2]` for list items. */
export function formatYamlPath(yamlPath: ReadonlyArray<string | number>): string {
  let text = '';
  for (const part of yamlPath) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text === '' ? '(document)' : text;
}
