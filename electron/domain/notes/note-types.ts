export type LinkKind = 'wikilink' | 'embed' | 'markdown';

export interface Diagnostic {
  id: string;
  code: DiagnosticCode;
  message: string;
  line?: number;
}

export type DiagnosticCode =
  | 'YAML_ERROR'
  | 'FRONTMATTER_NOT_MAP'
  | 'BINARY_FILE'
  | 'INVALID_UTF8'
  | 'UNREADABLE_FILE'
  | 'SYMLINK_SKIPPED'
  | 'SPECIAL_FILE_SKIPPED'
  | 'INVALID_FILE_NAME'
  | 'NAME_COLLISION'
  | 'FILE_TOO_LARGE'
  | 'UNRESOLVED_LINK'
  | 'AMBIGUOUS_LINK'
  | 'LINK_OUTSIDE_VAULT';

export interface Heading {
  level: number;
  text: string;
  line: number;
}

/** A link as written in a note, before resolution. */
export interface RawLink {
  raw: string;
  kind: LinkKind;
  /** Link path as written (percent-decoded for markdown links); '' for `[[#Heading]]`. */
  path: string;
  /** What follows `#`: a heading, or `^block-id`; null when absent. */
  subpath: string | null;
  display: string | null;
  line: number;
  /** Whether a markdown link is an image `![...](...)`. */
  embed: boolean;
}

export interface ParsedNote {
  id: string;
  title: string;
  /** Frontmatter `title` when it differs from the file name. */
  subtitle: string | null;
  frontmatter: Record<string, unknown>;
  tags: string[];
  aliases: string[];
  headings: Heading[];
  links: RawLink[];
  blockIds: string[];
  created: string | null;
  modified: string | null;
  /** Markdown after the frontmatter. */
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyStartLine: number;
  diagnostics: Diagnostic[];
}
