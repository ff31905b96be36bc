import bold from './fonts/PortolanSans-Bold.ttf?inline';
import regular from './fonts/PortolanSans-Regular.ttf?inline';

/**
 * Portolan Sans as data URLs. This module is a chunk of its own (about 1 MB gzipped), loaded only
 * when a change request holds text beyond Windows-1252: most plans never fetch it.
 */
export const FONT_DATA = { regular, bold };
