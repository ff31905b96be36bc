import type { CoverContent } from './cover';
import type { Doc } from './doc';

/**
 * What one kind of change request puts in the PDF around the shared cover layout and diagram:
 * its document properties, cover content, the pages after the diagram, its appendix and the
 * words of its footer.
 */
export interface RequestParts {
  /** The document title (its properties). */
  title: string;
  subject: string;
  cover: CoverContent;
  /** The pages after the diagram, from the top of a new page. */
  body(doc: Doc): void;
  /** The appendix, from the top of a new page. */
  appendix(doc: Doc): void;
  /** "firewall change request": what the footer calls the document. */
  footer: string;
}
