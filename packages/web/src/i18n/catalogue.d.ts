// The catalogue modules the build makes (split-messages.ts): a part's loaders, one per language,
// and a part's messages in one language, each parsed to FormatJS's AST.
declare module 'virtual:catalogue/*' {
  import type { CatalogueLoaders } from './messages.js';
  const loaders: CatalogueLoaders;
  export default loaders;
}

declare module 'virtual:catalogue-part/*' {
  import type { ParsedMessages } from './messages.js';
  const messages: ParsedMessages;
  export default messages;
}
