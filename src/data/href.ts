/** Base-aware link helper for components: `href("/compare/")`. */
import { withBase } from '../lib/links/urls';
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
