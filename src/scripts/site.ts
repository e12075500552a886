// Behaviour shared by every page. Each part is a small delegated listener over server-rendered
// HTML, so the page is complete without it.
import './permalinks';
import './theme-switch';
import './copy-code';
import './search';
